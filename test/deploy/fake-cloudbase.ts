/**
 * A stand-in for @cloudbase/manager-node at the one boundary deploy cannot cross here: the same
 * method names and signatures (`CloudBaseApi` picks them from manager-node's own declarations),
 * an in-memory environment behind them, and a record of every call.
 */
import type { CloudBaseApi } from '../../scripts/deploy/cloudbase';

type FunctionDetail = Awaited<ReturnType<CloudBaseApi['functions']['getFunctionDetail']>>;

export type Call = { method: string; args: unknown[] };
export type FakeIndex = { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean };
export type FakeTrigger = { TriggerName: string; Type: string; TriggerDesc: string };
export type FakeFunction = {
  runtime: string;
  timeout: number;
  env: { Key: string; Value: string }[];
  triggers: FakeTrigger[];
  uploads: number;
};

export type FakeCloud = ReturnType<typeof fakeCloudBase>;

export function fakeCloudBase(fail?: (call: Call) => boolean) {
  const calls: Call[] = [];
  const collections = new Map<string, { indexes: FakeIndex[]; permission: string }>();
  const functions = new Map<string, FakeFunction>();

  function record(method: string, ...args: unknown[]) {
    const call = { method, args: structuredClone(args) };
    calls.push(call);
    if (fail?.(call)) throw Object.assign(new Error('[UpdateTable] 模拟的云端错误'), { code: 'InternalError' });
  }
  const ok = { RequestId: 'req' };
  const fn = (name: string) => {
    const found = functions.get(name);
    if (!found) throw Object.assign(new Error(`函数 ${name} 不存在`), { code: 'ResourceNotFound.Function' });
    return found;
  };
  const addTriggers = (name: string, triggers: { name: string; type: string; config: string }[] = []) => {
    for (const trigger of triggers) {
      if (fn(name).triggers.some((t) => t.TriggerName === trigger.name)) throw new Error(`触发器 ${trigger.name} 已存在`);
      fn(name).triggers.push({ TriggerName: trigger.name, Type: trigger.type, TriggerDesc: JSON.stringify({ cron: trigger.config }) });
    }
  };

  const api: CloudBaseApi = {
    database: {
      async createCollectionIfNotExists(name) {
        record('createCollectionIfNotExists', name);
        const IsCreated = !collections.has(name);
        // CloudBase gives a new collection its _id index and, created by API, creator-only access.
        if (IsCreated)
          collections.set(name, {
            indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }],
            permission: 'PRIVATE',
          });
        return { ...ok, IsCreated, ExistsResult: { ...ok, Exists: !IsCreated } };
      },
      async describeCollection(name) {
        record('describeCollection', name);
        const collection = collections.get(name);
        if (!collection) throw Object.assign(new Error(`集合 ${name} 不存在`), { code: 'ResourceNotFound' });
        return { ...ok, Indexes: collection.indexes.map((index) => ({ ...index, Size: 0, Accesses: { Ops: 0, Since: '' } })) };
      },
      async updateCollection(name, info) {
        record('updateCollection', name, info);
        const collection = collections.get(name);
        if (!collection) throw new Error(`集合 ${name} 不存在`);
        for (const drop of info.DropIndexes ?? []) collection.indexes = collection.indexes.filter((index) => index.Name !== drop.IndexName);
        for (const create of info.CreateIndexes ?? []) {
          if (collection.indexes.some((index) => index.Name === create.IndexName)) throw new Error(`索引 ${create.IndexName} 已存在`);
          const { MgoIndexKeys, MgoIsUnique } = create.MgoKeySchema;
          collection.indexes.push({ Name: create.IndexName, Keys: MgoIndexKeys.map((key) => ({ ...key })), Unique: MgoIsUnique });
        }
        return ok;
      },
    },
    permission: {
      async describeResourcePermission(options) {
        record('describeResourcePermission', options);
        const PermissionList = (options.resources ?? [])
          .filter((name) => collections.has(name))
          .map((name) => ({ ResourceType: 'collection' as const, Resource: name, Permission: collections.get(name)?.permission }));
        return { ...ok, Data: { TotalCount: PermissionList.length, PermissionList } };
      },
      async modifyResourcePermission(options) {
        record('modifyResourcePermission', options);
        const collection = collections.get(options.resource ?? '');
        if (!collection) throw new Error(`集合 ${options.resource} 不存在`);
        collection.permission = options.permission;
        return { ...ok, Data: { Success: true } };
      },
    },
    functions: {
      async getFunctionDetail(name) {
        record('getFunctionDetail', name);
        const found = fn(name);
        const detail = {
          FunctionName: name,
          Runtime: found.runtime,
          Timeout: found.timeout,
          Environment: { Variables: found.env },
          Triggers: found.triggers,
        };
        return structuredClone(detail) as unknown as FunctionDetail;
      },
      async createFunction(param) {
        record('createFunction', param);
        const { func } = param;
        if (functions.has(func.name)) throw Object.assign(new Error(`函数 ${func.name} 已存在`), { code: 'ResourceInUse.Function' });
        const env = Object.entries(func.envVariables ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) }));
        functions.set(func.name, { runtime: func.runtime ?? '', timeout: func.timeout ?? 3, env, triggers: [], uploads: 1 });
        addTriggers(func.name, func.triggers);
        return ok;
      },
      async updateFunctionCode(param) {
        record('updateFunctionCode', param);
        fn(param.func.name).uploads += 1;
        return ok;
      },
      async updateFunctionConfig(func) {
        record('updateFunctionConfig', func);
        const found = fn(func.name);
        if (func.timeout !== undefined) found.timeout = func.timeout;
        // Like manager-node: variables given replace all of them; none given leaves them alone.
        if (func.envVariables && Object.keys(func.envVariables).length) {
          found.env = Object.entries(func.envVariables).map(([Key, Value]) => ({ Key, Value: String(Value) }));
        }
        return ok;
      },
      async waitFunctionActive(name) {
        record('waitFunctionActive', name);
        fn(name);
      },
      async createFunctionTriggers(name, triggers) {
        record('createFunctionTriggers', name, triggers);
        addTriggers(name, triggers);
        return ok;
      },
      async deleteFunctionTrigger(name, triggerName) {
        record('deleteFunctionTrigger', name, triggerName);
        fn(name).triggers = fn(name).triggers.filter((trigger) => trigger.TriggerName !== triggerName);
        return ok;
      },
    },
  };

  const envOf = (name: string) => Object.fromEntries(fn(name).env.map((v) => [v.Key, v.Value]));
  return { api, calls, collections, functions, envOf, methods: () => calls.map((call) => call.method) };
}

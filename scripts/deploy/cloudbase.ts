/**
 * The plan applied through @cloudbase/manager-node: the one part of deploy that needs the network.
 * `CloudBaseApi` is exactly the manager-node methods used (same names and signatures), so a test
 * can pass a recording fake. Every call is a named step; the first failure stops the run.
 * Idempotent: what exists is detected and skipped or updated, never created twice.
 */
import type CloudBase from '@cloudbase/manager-node';
import { DeployError, StepError } from './errors';
import type { Trigger } from './functions';
import { ADMIN_FUNCTION, RUNTIME, UPLOAD_IGNORE, type Plan, type PlannedCollection, type PlannedFunction, type PlannedIndex } from './plan';

export type CloudBaseApi = {
  database: Pick<CloudBase['database'], 'createCollectionIfNotExists' | 'describeCollection' | 'updateCollection'>;
  permission: Pick<CloudBase['permission'], 'describeResourcePermission' | 'modifyResourcePermission'>;
  functions: Pick<
    CloudBase['functions'],
    | 'getFunctionDetail'
    | 'createFunction'
    | 'updateFunctionCode'
    | 'updateFunctionConfig'
    | 'waitFunctionActive'
    | 'createFunctionTriggers'
    | 'deleteFunctionTrigger'
  >;
};

type FunctionDetail = Awaited<ReturnType<CloudBaseApi['functions']['getFunctionDetail']>>;
type ExistingIndex = NonNullable<Awaited<ReturnType<CloudBaseApi['database']['describeCollection']>>['Indexes']>[number];
type ExistingTrigger = FunctionDetail['Triggers'][number];

export type Report = (line: string) => void;

/** Collections end up readable and writable only through cloud functions (principle 4). */
export const COLLECTION_PERMISSION = 'ADMINONLY';
const HANDLER = 'index.main';

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StepError(label, error);
  }
}

const isNotFound = (error: unknown) => /^ResourceNotFound/.test(String((error as { code?: unknown })?.code ?? ''));

async function findFunction(api: CloudBaseApi, name: string): Promise<FunctionDetail | null> {
  return step(`查询云函数 ${name}`, async () => {
    try {
      return await api.functions.getFunctionDetail(name);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  });
}

// --- database ---------------------------------------------------------------------------------

const toCreateIndex = (index: PlannedIndex) => ({
  IndexName: index.name,
  MgoKeySchema: {
    MgoIndexKeys: index.keys.map(({ field, direction }) => ({ Name: field, Direction: direction })),
    MgoIsUnique: index.unique,
  },
});

function sameIndex(existing: ExistingIndex, planned: PlannedIndex): boolean {
  const keys = existing.Keys ?? [];
  return (
    Boolean(existing.Unique) === planned.unique &&
    keys.length === planned.keys.length &&
    keys.every((key, i) => key.Name === planned.keys[i].field && String(key.Direction) === planned.keys[i].direction)
  );
}

async function ensureCollections(api: CloudBaseApi, collections: PlannedCollection[], report: Report) {
  for (const { name } of collections) {
    const result = await step(`创建集合 ${name}`, () => api.database.createCollectionIfNotExists(name));
    report(result.IsCreated ? `  + 新建集合 ${name}` : `  · 集合 ${name} 已存在`);
  }
}

/** Each collection's current permission; empty when it cannot be read (manager-node marks the call deprecated). */
async function currentPermissions(api: CloudBaseApi, names: string[], report: Report): Promise<Map<string, string>> {
  const current = new Map<string, string>();
  try {
    for (let start = 0; start < names.length; start += 100) {
      const resources = names.slice(start, start + 100);
      const { Data } = await api.permission.describeResourcePermission({ resourceType: 'collection', resources });
      for (const item of Data?.PermissionList ?? [])
        if (item.Resource) current.set(item.Resource, String(item.Permission ?? '').toUpperCase());
    }
    return current;
  } catch (error) {
    report(`  · 读不到集合的当前权限（${error instanceof Error ? error.message : String(error)}），逐个设置`);
    return new Map();
  }
}

async function ensurePermissions(api: CloudBaseApi, collections: PlannedCollection[], report: Report) {
  const names = collections.map((c) => c.name);
  const current = await currentPermissions(api, names, report);
  const toChange = names.filter((name) => current.get(name) !== COLLECTION_PERMISSION);
  for (const name of toChange) {
    await step(`把集合 ${name} 设为仅管理端可读写`, () =>
      api.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: COLLECTION_PERMISSION }),
    );
  }
  report(toChange.length ? `  + ${toChange.length} 个集合设为仅管理端可读写：${toChange.join('、')}` : '  · 集合权限都已是仅管理端可读写');
}

async function ensureIndexes(api: CloudBaseApi, collection: PlannedCollection, report: Report) {
  if (!collection.indexes.length) return;
  const { name } = collection;
  const table = await step(`读取集合 ${name} 的索引`, () => api.database.describeCollection(name));
  const existing = new Map((table.Indexes ?? []).map((index) => [index.Name, index]));
  const differing = collection.indexes.filter((index) => {
    const found = existing.get(index.name);
    return found !== undefined && !sameIndex(found, index);
  });
  const missing = collection.indexes.filter((index) => !existing.has(index.name) || differing.includes(index));
  if (differing.length) {
    const names = differing.map((index) => index.name);
    await step(`删除集合 ${name} 中与声明不符的索引 ${names.join('、')}`, () =>
      api.database.updateCollection(name, { DropIndexes: names.map((IndexName) => ({ IndexName })) }),
    );
  }
  if (missing.length) {
    const names = missing.map((index) => index.name);
    await step(`为集合 ${name} 建索引 ${names.join('、')}`, () =>
      api.database.updateCollection(name, { CreateIndexes: missing.map(toCreateIndex) }),
    );
    report(`  + 集合 ${name} 新建索引 ${names.join('、')}`);
  } else {
    report(`  · 集合 ${name} 的 ${collection.indexes.length} 个索引都已存在`);
  }
}

// --- functions --------------------------------------------------------------------------------

const triggerName = (trigger: ExistingTrigger) => trigger.TriggerName || trigger.Name;

/** A timer's schedule as GetFunction reports it: `{"cron": "…"}` or the bare expression. */
function triggerCron(trigger: ExistingTrigger): string {
  const desc = trigger.TriggerDesc || trigger.Config || '';
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (typeof parsed?.cron === 'string') return parsed.cron;
  } catch {
    // a bare cron expression
  }
  return desc;
}

function sameConfig(detail: FunctionDetail, fn: PlannedFunction): boolean {
  if (detail.Timeout !== fn.timeout) return false;
  if (!fn.envVariables) return true;
  const current = detail.Environment?.Variables ?? [];
  const wanted = Object.entries(fn.envVariables);
  return current.length === wanted.length && wanted.every(([key, value]) => current.some((v) => v.Key === key && v.Value === value));
}

async function syncTriggers(api: CloudBaseApi, fn: PlannedFunction, detail: FunctionDetail, report: Report) {
  const timers = (detail.Triggers ?? []).filter((trigger) => trigger.Type === 'timer');
  const declared = new Map(fn.triggers.map((trigger) => [trigger.name, trigger]));
  const stale = timers.filter((trigger) => {
    const wanted = declared.get(triggerName(trigger));
    return !wanted || triggerCron(trigger) !== wanted.config;
  });
  for (const trigger of stale) {
    await step(`删除云函数 ${fn.name} 的定时触发器 ${triggerName(trigger)}`, () =>
      api.functions.deleteFunctionTrigger(fn.name, triggerName(trigger)),
    );
  }
  const kept = new Set(timers.filter((trigger) => !stale.includes(trigger)).map(triggerName));
  const toCreate: Trigger[] = fn.triggers.filter((trigger) => !kept.has(trigger.name));
  if (toCreate.length) {
    await step(`为云函数 ${fn.name} 建定时触发器 ${toCreate.map((t) => t.name).join('、')}`, () =>
      api.functions.createFunctionTriggers(fn.name, toCreate),
    );
    report(`    + 定时触发器 ${toCreate.map((t) => `${t.name}（${t.config}）`).join('、')}`);
  }
}

async function createFunction(api: CloudBaseApi, fn: PlannedFunction, report: Report) {
  await step(`新建云函数 ${fn.name}（上传代码，云端安装依赖）`, () =>
    api.functions.createFunction({
      func: {
        name: fn.name,
        runtime: RUNTIME,
        handler: HANDLER,
        timeout: fn.timeout,
        installDependency: true,
        ignore: UPLOAD_IGNORE,
        ...(fn.triggers.length ? { triggers: fn.triggers } : {}),
        ...(fn.envVariables ? { envVariables: fn.envVariables } : {}),
      },
      functionPath: fn.dir,
      force: false,
    }),
  );
  report(`  + 新建云函数 ${fn.name}`);
}

async function updateFunction(api: CloudBaseApi, fn: PlannedFunction, detail: FunctionDetail, report: Report) {
  await step(`更新云函数 ${fn.name} 的代码（云端安装依赖）`, () =>
    api.functions.updateFunctionCode({
      func: { name: fn.name, handler: HANDLER, installDependency: true, ignore: UPLOAD_IGNORE, isWaitInstall: true },
      functionPath: fn.dir,
    }),
  );
  if (!sameConfig(detail, fn)) {
    await step(`更新云函数 ${fn.name} 的配置`, async () => {
      await api.functions.updateFunctionConfig({
        name: fn.name,
        timeout: fn.timeout,
        ...(fn.envVariables ? { envVariables: fn.envVariables } : {}),
      });
      await api.functions.waitFunctionActive(fn.name);
    });
  }
  report(`  ↻ 更新云函数 ${fn.name}`);
  await syncTriggers(api, fn, detail, report);
}

/** --keep-setup-code only makes sense once the admin function holds a setup code. */
async function checkKeptSetupCode(api: CloudBaseApi) {
  const admin = await findFunction(api, ADMIN_FUNCTION);
  if (!admin?.Environment?.Variables?.some((v) => v.Key === 'SETUP_CODE_HASH' && v.Value)) {
    throw new DeployError(
      '云端还没有设置码（管理员云函数尚未部署或没有 SETUP_CODE_HASH），不能使用 --keep-setup-code：去掉这个选项再运行。',
    );
  }
}

export async function applyPlan(api: CloudBaseApi, plan: Plan, report: Report): Promise<void> {
  if (plan.setup.kind === 'keep') await checkKeptSetupCode(api);
  report('数据库');
  await ensureCollections(api, plan.collections, report);
  await ensurePermissions(api, plan.collections, report);
  for (const collection of plan.collections) await ensureIndexes(api, collection, report);
  report('云函数');
  for (const fn of plan.functions) {
    const detail = await findFunction(api, fn.name);
    if (detail) await updateFunction(api, fn, detail, report);
    else await createFunction(api, fn, report);
  }
}

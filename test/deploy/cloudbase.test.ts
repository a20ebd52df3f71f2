/**
 * The real deploy path at the management API's boundary: a fake with manager-node's method names
 * and signatures records every call, and keeps the environment those calls would leave behind.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES } from '../../server/db/indexes';
import { hashOrgCode } from '../../server/runtime/org-code';
import { planIndexes, RUNTIME, UPLOAD_IGNORE } from '../../scripts/deploy/plan';
import { fakeCloudBase, type Call, type FakeCloud } from './fake-cloudbase';
import { deploy, KEYS, makeProject, printedCode, realFunctionNames, SETTINGS } from './project';

const argsOf = (cloud: FakeCloud, method: string) => cloud.calls.filter((call) => call.method === method).map((call) => call.args);
const configOf = (root: string, name: string) =>
  JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8')) as { timeout: number };
const indexedCollections = COLLECTION_NAMES.filter((name) => planIndexes(COLLECTIONS[name]).length > 0);
const adminLast = [...realFunctionNames.filter((name) => name !== 'admin'), 'admin'];

async function firstDeploy() {
  const root = makeProject();
  const cloud = fakeCloudBase();
  const run = await deploy(root, [], { env: KEYS, api: cloud.api });
  return { root, cloud, run };
}

describe('npm run deploy against the CloudBase management API', () => {
  it('on a new environment: creates the collections, locks them to the cloud functions, builds the indexes, creates the functions', async () => {
    const { root, cloud, run } = await firstDeploy();
    expect(run).toMatchObject({ code: 0, err: '', connected: 1, built: 1 });

    const order = [...new Set(cloud.methods())];
    expect(order).toEqual([
      'createCollectionIfNotExists',
      'describeResourcePermission',
      'modifyResourcePermission',
      'describeCollection',
      'updateCollection',
      'getFunctionDetail',
      'createFunction',
    ]);
    expect(argsOf(cloud, 'createCollectionIfNotExists')).toEqual(COLLECTION_NAMES.map((name) => [name]));
    expect(argsOf(cloud, 'describeResourcePermission')).toEqual([[{ resourceType: 'collection', resources: COLLECTION_NAMES }]]);
    expect(argsOf(cloud, 'modifyResourcePermission')).toEqual(
      COLLECTION_NAMES.map((name) => [{ resourceType: 'collection', resource: name, permission: 'ADMINONLY' }]),
    );

    // One index call per collection that declares any, with every declared key, direction and uniqueness.
    expect(argsOf(cloud, 'updateCollection').map(([name]) => name)).toEqual(indexedCollections);
    expect(argsOf(cloud, 'updateCollection').find(([name]) => name === 'letters')?.[1]).toMatchObject({
      CreateIndexes: expect.arrayContaining([
        { IndexName: 'refCode_1', MgoKeySchema: { MgoIndexKeys: [{ Name: 'refCode', Direction: '1' }], MgoIsUnique: true } },
      ]),
    });
    expect(cloud.collections.get('claims')?.indexes).toContainEqual({
      Name: 'teamId_1_appliedAt_-1',
      Keys: [
        { Name: 'teamId', Direction: '1' },
        { Name: 'appliedAt', Direction: '-1' },
      ],
      Unique: false,
    });
    for (const name of COLLECTION_NAMES) {
      const declared = COLLECTIONS[name].indexes
        .filter((index) => !(index.fields.length === 1 && index.fields[0].replace(/^-/, '') === '_id'))
        .map((index) => ({
          keys: index.fields.map((field) => ({ Name: field.replace(/^-/, ''), Direction: field.startsWith('-') ? '-1' : '1' })),
          unique: index.unique === true,
        }));
      const created = (cloud.collections.get(name)?.indexes ?? []).filter((index) => index.Name !== '_id_');
      expect(created.map((index) => ({ keys: index.Keys, unique: index.Unique }))).toEqual(declared);
      expect(cloud.collections.get(name)?.permission).toBe('ADMINONLY');
    }

    // Each function: looked up, then created from its folder with its config.json; admin last.
    expect(argsOf(cloud, 'getFunctionDetail')).toEqual(adminLast.map((name) => [name]));
    const created = argsOf(cloud, 'createFunction').map(([param]) => param as { func: Record<string, unknown>; functionPath: string });
    expect(created.map((param) => param.func.name)).toEqual(adminLast);
    for (const param of created) {
      const name = String(param.func.name);
      expect(param.functionPath).toBe(path.join(root, 'cloudfunctions', name));
      expect(param.func).toMatchObject({ runtime: RUNTIME, handler: 'index.main', installDependency: true, ignore: UPLOAD_IGNORE });
      expect(param.func.timeout).toBe(configOf(root, name).timeout);
    }
    expect(created.find((param) => param.func.name === 'user')).toEqual({
      func: { name: 'user', runtime: RUNTIME, handler: 'index.main', timeout: 5, installDependency: true, ignore: UPLOAD_IGNORE },
      functionPath: path.join(root, 'cloudfunctions', 'user'),
      force: false,
    });
    expect(created.find((param) => param.func.name === 'dispatch')?.func.triggers).toEqual([
      { name: 'drainOutbox', type: 'timer', config: '0 */1 * * * * *' },
    ]);
    expect(cloud.functions.get('dispatch')?.triggers).toEqual([
      { TriggerName: 'drainOutbox', Type: 'timer', TriggerDesc: '{"cron":"0 */1 * * * * *"}' },
    ]);
  });

  it('puts the printed setup code on the admin function only as its hash, with the root org', async () => {
    const { cloud, run } = await firstDeploy();
    const code = printedCode(run.out);
    expect(code).not.toBeNull();
    expect(cloud.envOf('admin')).toEqual({
      SETUP_CODE_HASH: hashOrgCode(code ?? ''),
      ROOT_ORG_NAME: '共青团示例大学委员会',
      ROOT_ORG_UNIT: '示例大学',
    });
    expect(JSON.stringify(cloud.calls)).not.toContain(code?.replace(/-/g, ''));
    for (const name of realFunctionNames.filter((fn) => fn !== 'admin')) expect(cloud.envOf(name)).toEqual({});
    expect(run.out).toContain('我的 → 成为团组织管理员');
    expect(run.out.indexOf('部署完成')).toBeLessThan(run.out.indexOf(code ?? '?'));
  });

  it('run again: creates nothing twice, updates each function, and a new setup code replaces the old one', async () => {
    const { root, cloud, run: first } = await firstDeploy();
    const before = cloud.calls.length;
    const second = await deploy(root, [], { env: KEYS, api: cloud.api });
    expect(second.code).toBe(0);
    const calls = cloud.calls.slice(before);
    const methods = calls.map((call) => call.method);
    for (const method of ['createFunction', 'createFunctionTriggers', 'deleteFunctionTrigger', 'modifyResourcePermission'])
      expect(methods).not.toContain(method);
    expect(calls.filter((call) => call.method === 'updateCollection')).toEqual([]);
    expect(calls.filter((call) => call.method === 'createCollectionIfNotExists')).toHaveLength(COLLECTION_NAMES.length);
    expect([...cloud.collections.values()].every((c) => new Set(c.indexes.map((i) => i.Name)).size === c.indexes.length)).toBe(true);
    expect(cloud.functions.get('dispatch')?.triggers).toHaveLength(1);

    // Code goes up again for every function; only admin's config changes (its new hash).
    expect(
      calls.filter((call) => call.method === 'updateFunctionCode').map((call) => (call.args[0] as { func: { name: string } }).func.name),
    ).toEqual(adminLast);
    expect(calls.find((call) => call.method === 'updateFunctionCode')?.args[0]).toEqual({
      func: { name: adminLast[0], handler: 'index.main', installDependency: true, ignore: UPLOAD_IGNORE, isWaitInstall: true },
      functionPath: path.join(root, 'cloudfunctions', adminLast[0]),
    });
    const configs = calls.filter((call) => call.method === 'updateFunctionConfig').map((call) => call.args[0] as Record<string, unknown>);
    const code = printedCode(second.out) ?? '';
    expect(configs).toEqual([
      {
        name: 'admin',
        timeout: 20,
        envVariables: { SETUP_CODE_HASH: hashOrgCode(code), ROOT_ORG_NAME: '共青团示例大学委员会', ROOT_ORG_UNIT: '示例大学' },
      },
    ]);
    expect(code).not.toBe(printedCode(first.out));
    expect(cloud.envOf('admin').SETUP_CODE_HASH).not.toBe(hashOrgCode(printedCode(first.out) ?? ''));
  });

  it('--keep-setup-code leaves the admin variables (and the code already given out) as they are', async () => {
    const { root, cloud, run: first } = await firstDeploy();
    const before = cloud.calls.length;
    const kept = await deploy(root, ['--keep-setup-code'], { env: KEYS, api: cloud.api });
    expect(kept.code).toBe(0);
    expect(printedCode(kept.out)).toBeNull();
    expect(cloud.calls.slice(before).filter((call) => call.method === 'updateFunctionConfig')).toEqual([]);
    expect(cloud.envOf('admin').SETUP_CODE_HASH).toBe(hashOrgCode(printedCode(first.out) ?? ''));
  });

  it('--keep-setup-code on an environment that has no setup code yet: refuses before changing anything', async () => {
    const cloud = fakeCloudBase();
    const run = await deploy(makeProject(), ['--keep-setup-code'], { env: KEYS, api: cloud.api });
    expect(run.code).toBe(1);
    expect(run.err).toContain('云端还没有设置码');
    expect(cloud.methods()).toEqual(['getFunctionDetail']);
  });

  it('repairs drift: a differing index is rebuilt, a changed timer replaced, a loosened collection locked again, a changed timeout set', async () => {
    const { root, cloud } = await firstDeploy();
    const letters = cloud.collections.get('letters');
    const refCode = letters?.indexes.find((index) => index.Name === 'refCode_1');
    if (!letters || !refCode) throw new Error('first deploy should have built letters.refCode_1');
    refCode.Unique = false;
    letters.indexes.push({ Name: 'handMade_1', Keys: [{ Name: 'handMade', Direction: '1' }], Unique: false });
    const teams = cloud.collections.get('teams');
    if (teams) teams.permission = 'READONLY';
    const dispatch = cloud.functions.get('dispatch');
    if (dispatch) {
      dispatch.triggers = [
        { TriggerName: 'drainOutbox', Type: 'timer', TriggerDesc: '{"cron":"0 */5 * * * * *"}' },
        { TriggerName: 'oldTimer', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}' },
      ];
      dispatch.timeout = 3;
    }

    const before = cloud.calls.length;
    expect((await deploy(root, ['--keep-setup-code'], { env: KEYS, api: cloud.api })).code).toBe(0);
    const changes = cloud.calls
      .slice(before)
      .filter(
        (call) =>
          ![
            'createCollectionIfNotExists',
            'describeResourcePermission',
            'describeCollection',
            'getFunctionDetail',
            'updateFunctionCode',
          ].includes(call.method),
      );
    expect(changes).toEqual<Call[]>([
      { method: 'modifyResourcePermission', args: [{ resourceType: 'collection', resource: 'teams', permission: 'ADMINONLY' }] },
      { method: 'updateCollection', args: ['letters', { DropIndexes: [{ IndexName: 'refCode_1' }] }] },
      {
        method: 'updateCollection',
        args: [
          'letters',
          {
            CreateIndexes: [
              { IndexName: 'refCode_1', MgoKeySchema: { MgoIndexKeys: [{ Name: 'refCode', Direction: '1' }], MgoIsUnique: true } },
            ],
          },
        ],
      },
      { method: 'updateFunctionConfig', args: [{ name: 'dispatch', timeout: 60 }] },
      { method: 'waitFunctionActive', args: ['dispatch'] },
      { method: 'deleteFunctionTrigger', args: ['dispatch', 'drainOutbox'] },
      { method: 'deleteFunctionTrigger', args: ['dispatch', 'oldTimer'] },
      { method: 'createFunctionTriggers', args: ['dispatch', [{ name: 'drainOutbox', type: 'timer', config: '0 */1 * * * * *' }]] },
    ]);
    // An index nobody declared is left for whoever made it.
    expect(letters.indexes.map((index) => index.Name)).toContain('handMade_1');
  });

  it('sets every collection when their current permission cannot be read, and still stops if setting one fails', async () => {
    const cloud = fakeCloudBase((call) => call.method === 'describeResourcePermission');
    const run = await deploy(makeProject(), [], { env: KEYS, api: cloud.api });
    expect(run.code).toBe(0);
    expect(run.out).toContain('读不到集合的当前权限');
    expect(argsOf(cloud, 'modifyResourcePermission')).toHaveLength(COLLECTION_NAMES.length);

    const locked = fakeCloudBase((call) => call.method === 'describeResourcePermission' || call.method === 'modifyResourcePermission');
    const failed = await deploy(makeProject(), [], { env: KEYS, api: locked.api });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(`部署在「把集合 ${COLLECTION_NAMES[0]} 设为仅管理端可读写」这一步失败`);
    expect(locked.calls.at(-1)?.method).toBe('modifyResourcePermission');
  });

  it('stops at the first failing call, names the step in Chinese, and attempts nothing after it', async () => {
    const cloud = fakeCloudBase((call) => call.method === 'updateCollection' && call.args[0] === 'teams');
    const run = await deploy(makeProject(), [], { env: KEYS, api: cloud.api });
    expect(run.code).toBe(1);
    expect(run.err).toContain('部署在「为集合 teams 建索引 ');
    expect(run.err).toContain('这一步失败：[UpdateTable] 模拟的云端错误');
    expect(run.err).toContain('重新运行 npm run deploy');
    expect([cloud.calls.at(-1)?.method, cloud.calls.at(-1)?.args[0]]).toEqual(['updateCollection', 'teams']);
    expect(cloud.methods()).not.toContain('createFunction');
    expect(printedCode(run.out)).toBeNull();
  });

  it('a failing function call stops before the admin function gets a new code', async () => {
    const cloud = fakeCloudBase(
      (call) => call.method === 'createFunction' && (call.args[0] as { func: { name: string } }).func.name === 'dispatch',
    );
    const run = await deploy(makeProject(), [], { env: KEYS, api: cloud.api });
    expect(run.code).toBe(1);
    expect(run.err).toContain('部署在「新建云函数 dispatch（上传代码，云端安装依赖）」这一步失败');
    expect(cloud.calls.at(-1)?.method).toBe('createFunction');
    expect(cloud.functions.has('admin')).toBe(false);
  });

  it('without the API key: a Chinese message naming the two variables and where to get them, exit 1, never connecting', async () => {
    const run = await deploy(makeProject(), [], { env: { TENCENTCLOUD_SECRETID: 'AKIDexample' }, api: fakeCloudBase().api });
    expect(run).toMatchObject({ code: 1, connected: 0, built: 0, out: '' });
    expect(run.err).toContain('缺少腾讯云 API 密钥：TENCENTCLOUD_SECRETKEY');
    expect(run.err).toContain('访问管理 → API 密钥管理');
    expect(run.err).toContain('.env.production');
  });

  it('takes the API key (and a region) from .env.production too, and signs in to the env it names', async () => {
    const cloud = fakeCloudBase();
    const run = await deploy(makeProject({ ...SETTINGS, ...KEYS, TENCENTCLOUD_REGION: 'ap-guangzhou' }), [], { api: cloud.api });
    expect(run.code).toBe(0);
    expect(run.credentials).toEqual([
      { envId: 'kc-prod-1a2b', secretId: 'AKIDexample', secretKey: 'secret-example', region: 'ap-guangzhou' },
    ]);
    expect(cloud.functions.size).toBe(realFunctionNames.length);
  });

  it('without the env id or the root org: Chinese messages saying what to write, exit 1, never connecting', async () => {
    const noEnv = await deploy(makeProject({ ROOT_ORG_NAME: '共青团示例大学委员会', ROOT_ORG_UNIT: '示例大学' }), [], { env: KEYS });
    expect(noEnv).toMatchObject({ code: 1, connected: 0 });
    expect(noEnv.err).toContain('缺少云环境 ID：在 .env.production 中写 TARO_APP_CLOUD_ENV=');
    const noOrg = await deploy(makeProject({ TARO_APP_CLOUD_ENV: 'kc-prod-1a2b', ROOT_ORG_UNIT: '示例大学' }), [], { env: KEYS });
    expect(noOrg).toMatchObject({ code: 1, connected: 0 });
    expect(noOrg.err).toContain('缺少根团组织的名称：在 .env.production 中写 ROOT_ORG_NAME=');
    expect(noOrg.err).not.toContain('ROOT_ORG_UNIT');
    const tooLong = await deploy(makeProject({ ...SETTINGS, ROOT_ORG_NAME: '团'.repeat(41) }), [], { env: KEYS });
    expect(tooLong.err).toContain('ROOT_ORG_NAME 太长');
  });

  it('refuses to upload a function that was not built, before connecting', async () => {
    const root = makeProject();
    rmSync(path.join(root, 'cloudfunctions', 'team', 'index.js'));
    const run = await deploy(root, [], { env: KEYS, api: fakeCloudBase().api });
    expect(run).toMatchObject({ code: 1, connected: 0, built: 1 });
    expect(run.err).toContain('cloudfunctions/team/index.js');
    expect(run.err).toContain('npm run build:cloud');
  });

  it('refuses an unknown option', async () => {
    const run = await deploy(makeProject(), ['--dryrun'], { env: KEYS });
    expect(run).toMatchObject({ code: 1, connected: 0 });
    expect(run.err).toContain('不认识的选项 --dryrun');
  });
});

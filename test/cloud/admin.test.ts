import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../core/admin-rules';
import { hashOrgCode, newOrgCode } from '../../server/runtime/org-code';
import { uploadOrgSheet } from '../helpers/org-sheet';
import { DEMO, makeWorld, type World } from '../helpers/world';

const ROOT_ADMIN = 'o-root-admin';
const SECOND = 'o-second-admin';
const STRANGER = 'o-stranger';

async function auditOf(world: World, target: string) {
  const { data } = await world.db.collection('audit').where({ target }).get();
  return data as unknown as { action: string; actor: string; summary: string }[];
}

async function rolesOf(world: World, userId: string) {
  const { data } = await world.db.collection('users').doc(userId).get();
  return (data as unknown as { roles: { role: string; scopeId: string }[] }).roles;
}

const setupCode = newOrgCode();
const saved = { ...process.env };

beforeEach(() => {
  process.env.SETUP_CODE_HASH = hashOrgCode(setupCode);
  process.env.ROOT_ORG_NAME = '共青团某省委员会';
  process.env.ROOT_ORG_UNIT = '共青团某省委员会';
});
afterAll(() => {
  process.env = saved;
});

/** A new environment with no demo world, its first organizer set up with the setup code. */
async function freshEnvironment() {
  const world = await makeWorld({ seed: false });
  await world.expectOk('user', ROOT_ADMIN, 'updateProfile', {
    nickname: '周岚',
    realName: '周岚',
    unitName: '共青团某省委员会',
    phone: '',
  });
  const setup = await world.expectOk('admin', ROOT_ADMIN, 'redeemCode', { code: setupCode.toLowerCase().replace(/(.{4})/g, '$1 ') });
  return { world, rootId: setup.orgId };
}

describe('the setup code makes the first organizer, once', () => {
  it('creates the root org from the configured name and grants its organizer, audited and on the ledger', async () => {
    const { world, rootId } = await freshEnvironment();
    expect(await rolesOf(world, ROOT_ADMIN)).toEqual([{ role: 'organizer', scopeId: rootId }]);
    const tree = await world.expectOk('admin', ROOT_ADMIN, 'orgTree', {});
    expect(tree.orgs).toEqual([expect.objectContaining({ id: rootId, name: '共青团某省委员会', isScope: true, parentId: null })]);
    expect((await auditOf(world, `orgs/${rootId}`)).map((entry) => entry.action)).toEqual(['redeemCode']);
    expect(await world.expectOk('admin', ROOT_ADMIN, 'myRoles', {})).toEqual([
      expect.objectContaining({ role: 'organizer', orgId: rootId, orgName: '共青团某省委员会', since: world.clock.now }),
    ]);
  });

  it('is spent after use: the next person gets a clear refusal and no role', async () => {
    const { world } = await freshEnvironment();
    const again = await world.invoke('admin', STRANGER, 'redeemCode', { code: setupCode });
    expect(again).toMatchObject({ ok: false, code: 'INVITE_INVALID', message: expect.stringContaining('初始化入口已关闭') });
    expect(await rolesOf(world, STRANGER)).toEqual([]);
  });

  it('does nothing where no setup code was deployed, and a wrong code is counted toward the hourly limit', async () => {
    delete process.env.SETUP_CODE_HASH;
    const world = await makeWorld({ seed: false });
    expect(await world.invoke('admin', STRANGER, 'redeemCode', { code: setupCode })).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    for (let i = 0; i < 9; i += 1) await world.invoke('admin', STRANGER, 'redeemCode', { code: newOrgCode() });
    expect(await world.invoke('admin', STRANGER, 'redeemCode', { code: newOrgCode() })).toMatchObject({
      ok: false,
      code: 'TOO_MANY_ATTEMPTS',
    });
    const { data: orgs } = await world.db.collection('orgs').get();
    expect(orgs).toEqual([]);
  });
});

describe('the org tree inside an organizer’s subtree', () => {
  it('builds three levels, renames, moves and refuses what would break the tree', async () => {
    const { world, rootId } = await freshEnvironment();
    const city = await world.expectOk('admin', ROOT_ADMIN, 'createOrg', {
      orgId: rootId,
      kind: 'league',
      name: '某市团委',
      unitName: '共青团某市委员会',
      requestId: 'create-city-01',
    });
    const cityId = city.orgs.find((org) => org.name === '某市团委')?.id as string;
    const retry = await world.expectOk('admin', ROOT_ADMIN, 'createOrg', {
      orgId: rootId,
      kind: 'league',
      name: '某市团委',
      unitName: '共青团某市委员会',
      requestId: 'create-city-01',
    });
    expect(retry.orgs.filter((org) => org.name === '某市团委')).toHaveLength(1);
    const plant = await world.expectOk('admin', ROOT_ADMIN, 'createOrg', {
      orgId: cityId,
      kind: 'league',
      name: '某研究院团委',
      unitName: '某研究院',
      requestId: 'create-plant-01',
    });
    const plantId = plant.orgs.find((org) => org.name === '某研究院团委')?.id as string;
    await world.expectOk('admin', ROOT_ADMIN, 'createOrg', {
      orgId: plantId,
      kind: 'party',
      name: '某研究院党委',
      unitName: '某研究院',
      requestId: 'create-party-01',
    });
    const tree = await world.expectOk('admin', ROOT_ADMIN, 'orgTree', {});
    expect(tree.orgs.map((org) => [org.name, org.parentId])).toEqual([
      ['共青团某省委员会', null],
      ['某市团委', rootId],
      ['某研究院团委', cityId],
      ['某研究院党委', plantId],
    ]);

    const duplicate = await world.invoke('admin', ROOT_ADMIN, 'createOrg', {
      orgId: rootId,
      kind: 'league',
      name: '某市团委',
      unitName: '别处',
      requestId: 'create-dup-001',
    });
    expect(duplicate).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('已有同名的团组织') });
    const underParty = await world.invoke('admin', ROOT_ADMIN, 'createOrg', {
      orgId: tree.orgs[3].id,
      kind: 'league',
      name: '不该存在',
      unitName: '某研究院',
      requestId: 'create-bad-001',
    });
    expect(underParty).toMatchObject({ ok: false, code: 'INVALID_INPUT' });

    const renamed = await world.expectOk('admin', ROOT_ADMIN, 'renameOrg', {
      orgId: plantId,
      name: '某智能研究院团委',
      unitName: '某智能研究院',
    });
    expect(renamed.orgs.find((org) => org.id === plantId)).toMatchObject({ name: '某智能研究院团委', unitName: '某智能研究院' });

    expect(await world.invoke('admin', ROOT_ADMIN, 'moveOrg', { orgId: cityId, parentId: plantId })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('下级组织'),
    });
    expect(await world.invoke('admin', ROOT_ADMIN, 'moveOrg', { orgId: rootId, parentId: cityId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const moved = await world.expectOk('admin', ROOT_ADMIN, 'moveOrg', { orgId: plantId, parentId: rootId });
    expect(moved.orgs.find((org) => org.id === plantId)?.parentId).toBe(rootId);
    expect((await auditOf(world, `orgs/${plantId}`)).map((entry) => entry.action).sort()).toEqual(['createOrg', 'moveOrg', 'renameOrg']);
  });

  it('retires an org only once its children and teams are gone, keeping it on record and revoking its organizers', async () => {
    const world = await makeWorld();
    const blocked = await world.invoke('admin', DEMO.organizer, 'retireOrg', { orgId: 'org-league-hx', reason: '单位合并' });
    expect(blocked).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('支突击队') });
    const own = await world.invoke('admin', DEMO.unitOrganizer, 'retireOrg', { orgId: 'org-league-zs', reason: '单位合并' });
    expect(own).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('上级组织') });

    const created = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-zs',
      kind: 'league',
      name: '智算研究院青年中心团支部',
      unitName: '省智能计算研究院',
      requestId: 'create-branch-01',
    });
    const branchId = created.orgs.find((org) => org.name === '智算研究院青年中心团支部')?.id as string;
    const { code } = await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId: branchId });
    await world.expectOk('admin', DEMO.newcomer, 'redeemCode', { code });
    const parentBlocked = await world.invoke('admin', DEMO.organizer, 'retireOrg', { orgId: 'org-league-zs', reason: '单位合并' });
    expect(parentBlocked).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    const retired = await world.expectOk('admin', DEMO.organizer, 'retireOrg', { orgId: branchId, reason: '支部合并' });
    expect(retired.orgs.find((org) => org.id === branchId)).toMatchObject({ retired: true });
    expect(await rolesOf(world, DEMO.newcomer)).toEqual([]);
    const options = await world.expectOk('team', DEMO.newcomer, 'orgOptions', {});
    expect(options.league.map((org) => org.id)).not.toContain(branchId);
    const { data: ledger } = await world.db.collection('organizers').where({ orgId: branchId }).get();
    expect(ledger).toEqual([
      expect.objectContaining({ userId: DEMO.newcomer, revokedBy: DEMO.organizer, revokeReason: '组织已撤销：支部合并' }),
    ]);
  });

  it('keeps organizers to their subtree', async () => {
    const world = await makeWorld();
    const other = await world.invoke('admin', DEMO.unitOrganizer, 'createOrg', {
      orgId: 'org-league-hx',
      kind: 'league',
      name: '越权新建',
      unitName: '华芯微电子有限公司',
      requestId: 'create-other-01',
    });
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const tree = await world.expectOk('admin', DEMO.unitOrganizer, 'orgTree', {});
    expect(tree.orgs.map((org) => org.id)).toEqual(['org-league-zs']);
    expect(await world.invoke('admin', DEMO.unitOrganizer, 'moveOrg', { orgId: 'org-league-zs', parentId: 'org-league-hx' })).toMatchObject(
      {
        ok: false,
        code: 'FORBIDDEN',
      },
    );
  });
});

describe('organizers invited by one-time code', () => {
  it('an invitee who enters the code gets the role, listed with who invited them; the code works once', async () => {
    const { world, rootId } = await freshEnvironment();
    const issued = await world.expectOk('admin', ROOT_ADMIN, 'issueCode', { orgId: rootId });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(issued.expiresAt).toBe(world.clock.now + 7 * 24 * 3600 * 1000);
    const { data: codes } = await world.db.collection('orgCodes').get();
    expect(JSON.stringify(codes)).not.toContain(issued.code.replace(/-/g, ''));
    const pending = await world.expectOk('admin', ROOT_ADMIN, 'organizers', { orgId: rootId });
    expect(pending.openCodes).toEqual([expect.objectContaining({ issuedByName: '周岚', expiresAt: issued.expiresAt })]);

    await world.expectOk('user', SECOND, 'updateProfile', { nickname: '陈默', realName: '陈默', unitName: '共青团某省委员会', phone: '' });
    expect(await world.expectOk('admin', SECOND, 'redeemCode', { code: issued.code })).toEqual({
      orgId: rootId,
      orgName: '共青团某省委员会',
      via: 'invite',
    });
    expect(await rolesOf(world, SECOND)).toEqual([{ role: 'organizer', scopeId: rootId }]);
    const list = await world.expectOk('admin', ROOT_ADMIN, 'organizers', { orgId: rootId });
    expect(list.organizers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: ROOT_ADMIN, via: 'setup', isSelf: true }),
        expect.objectContaining({ userId: SECOND, name: '陈默', via: 'invite', invitedByName: '周岚', grantedAt: world.clock.now }),
      ]),
    );
    expect(list.openCodes).toEqual([]);
    expect(await world.invoke('admin', STRANGER, 'redeemCode', { code: issued.code })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
      message: expect.stringContaining('已被使用'),
    });
  });

  it('refuses an expired code', async () => {
    const { world, rootId } = await freshEnvironment();
    const issued = await world.expectOk('admin', ROOT_ADMIN, 'issueCode', { orgId: rootId });
    world.clock.now += 7 * 24 * 3600 * 1000 + 1;
    expect(await world.invoke('admin', SECOND, 'redeemCode', { code: issued.code })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
      message: expect.stringContaining('已过期'),
    });
  });

  it('revokes with a reason (never oneself), keeping the grant on record', async () => {
    const { world, rootId } = await freshEnvironment();
    const issued = await world.expectOk('admin', ROOT_ADMIN, 'issueCode', { orgId: rootId });
    await world.expectOk('admin', SECOND, 'redeemCode', { code: issued.code });
    expect(
      await world.invoke('admin', ROOT_ADMIN, 'revokeOrganizer', { orgId: rootId, userId: ROOT_ADMIN, reason: '岗位调整' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const after = await world.expectOk('admin', ROOT_ADMIN, 'revokeOrganizer', { orgId: rootId, userId: SECOND, reason: '岗位调整' });
    expect(after.organizers.map((row) => row.userId)).toEqual([ROOT_ADMIN]);
    expect(await rolesOf(world, SECOND)).toEqual([]);
    expect(await world.invoke('admin', SECOND, 'orgTree', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { data: grant } = await world.db.collection('organizers').doc(`${rootId}_${SECOND}`).get();
    expect(grant).toMatchObject({ revokedBy: ROOT_ADMIN, revokeReason: '岗位调整', via: 'invite', invitedBy: ROOT_ADMIN });
    expect((await auditOf(world, `orgs/${rootId}`)).map((entry) => entry.action).sort()).toEqual([
      'issueCode',
      'redeemCode',
      'redeemCode',
      'revokeOrganizer',
    ]);
  });

  it('lists organizers whose role was set in the database, and those above who also manage the org', async () => {
    const world = await makeWorld();
    const list = await world.expectOk('admin', DEMO.organizer, 'organizers', { orgId: 'org-league-zs' });
    expect(list.organizers).toEqual([expect.objectContaining({ userId: DEMO.unitOrganizer, via: 'database', grantedAt: null })]);
    expect(list.inheritedCount).toBe(1);
  });
});

describe('importing orgs from a sheet', () => {
  it('previews row by row without writing, then imports all at once; the same sheet again changes nothing', async () => {
    const { world, rootId } = await freshEnvironment();
    const template = await world.expectOk('admin', ROOT_ADMIN, 'importTemplate', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await world.cloud.storage.read(template.fileId)) as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(1).values).toEqual([undefined, ...IMPORT_COLUMNS]);

    const fileId = await uploadOrgSheet(world, ROOT_ADMIN, [
      ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
      ['团组织', '某市团委', '共青团某市委员会', '共青团某省委员会'],
      ['党组织', '某县机关党委', '某县机关', '某县团委'],
      ['团组织', '某乡镇团委', '', '某县团委'],
      ['团组织', '某县团委', '另一个县', '某市团委'],
      ['团组织', '飞地团委', '某单位', '不存在的团委'],
      ['其他', '某协会', '某协会', '某市团委'],
    ]);
    const before = await world.snapshot();
    const preview = await world.expectOk('admin', ROOT_ADMIN, 'previewImport', { fileId });
    expect(await world.snapshot()).toEqual(before);
    expect(preview.rows.map((row) => [row.row, row.status, row.message])).toEqual([
      [2, 'create', ''],
      [3, 'create', ''],
      [4, 'create', ''],
      [5, 'error', '请填写所在单位'],
      [6, 'error', '与第 2 行重名'],
      [7, 'error', expect.stringContaining('找不到上级组织「不存在的团委」')],
      [8, 'error', '类型须为「团组织」或「党组织」'],
    ]);
    expect(await world.invoke('admin', ROOT_ADMIN, 'confirmImport', { fileId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await world.snapshot()).toEqual(before);

    const fixed = await uploadOrgSheet(
      world,
      ROOT_ADMIN,
      [
        ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
        ['团组织', '某市团委', '共青团某市委员会', '共青团某省委员会'],
        ['党组织', '某县机关党委', '某县机关', '某县团委'],
      ],
      'fixed.xlsx',
    );
    expect(await world.expectOk('admin', ROOT_ADMIN, 'confirmImport', { fileId: fixed })).toEqual({ created: 3, skipped: 0 });
    const tree = await world.expectOk('admin', ROOT_ADMIN, 'orgTree', {});
    const idOf = (name: string) => tree.orgs.find((org) => org.name === name)?.id;
    expect(tree.orgs.find((org) => org.name === '某市团委')?.parentId).toBe(rootId);
    expect(tree.orgs.find((org) => org.name === '某县团委')?.parentId).toBe(idOf('某市团委'));
    expect(tree.orgs.find((org) => org.name === '某县机关党委')).toMatchObject({ kind: 'party', parentId: idOf('某县团委') });

    const again = await uploadOrgSheet(world, ROOT_ADMIN, [['团组织', '某市团委', '共青团某市委员会', '共青团某省委员会']], 'again.xlsx');
    const second = await world.expectOk('admin', ROOT_ADMIN, 'previewImport', { fileId: again });
    expect(second).toMatchObject({ creates: 0, exists: 1, errors: 0 });
    expect(await world.expectOk('admin', ROOT_ADMIN, 'confirmImport', { fileId: again })).toEqual({ created: 0, skipped: 1 });
    expect(await world.expectOk('admin', ROOT_ADMIN, 'confirmImport', { fileId: fixed })).toEqual({ created: 0, skipped: 3 });
    expect((await world.expectOk('admin', ROOT_ADMIN, 'orgTree', {})).orgs).toHaveLength(4);
    expect((await auditOf(world, `files/${fixed}`)).map((entry) => entry.summary)).toEqual([
      '从表格导入 3 个组织：某市团委、某县团委、某县机关党委',
    ]);
  });

  it('refuses a file that is not the template, or someone else’s upload', async () => {
    const { world } = await freshEnvironment();
    const wrongHeader = await uploadOrgSheet(world, ROOT_ADMIN, [['a', 'b', 'c', 'd']], 'wrong.xlsx', ['名字', '单位', '上级', '备注']);
    expect(await world.invoke('admin', ROOT_ADMIN, 'previewImport', { fileId: wrongHeader })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('请下载模板'),
    });
    const notExcel = await world.cloud.storage.write(`uploads/${ROOT_ADMIN}/photo.xlsx`, Buffer.from('%PDF-1.4 not a sheet'));
    expect(await world.invoke('admin', ROOT_ADMIN, 'previewImport', { fileId: notExcel })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('.xlsx'),
    });
    const foreign = await uploadOrgSheet(world, STRANGER, [['团组织', '某市团委', '某市', '共青团某省委员会']], 'x.xlsx');
    expect(await world.invoke('admin', ROOT_ADMIN, 'previewImport', { fileId: foreign })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});

describe('what an attacker or a race might try', () => {
  it('voids a code once whoever issued it no longer manages the org', async () => {
    const world = await makeWorld();
    const { code } = await world.expectOk('admin', DEMO.unitOrganizer, 'issueCode', { orgId: 'org-league-zs' });
    await world.expectOk('admin', DEMO.organizer, 'revokeOrganizer', {
      orgId: 'org-league-zs',
      userId: DEMO.unitOrganizer,
      reason: '岗位调整',
    });
    for (const who of [DEMO.unitOrganizer, DEMO.newcomer]) {
      expect(await world.invoke('admin', who, 'redeemCode', { code })).toMatchObject({
        ok: false,
        code: 'INVITE_INVALID',
        message: expect.stringContaining('不再管理'),
      });
    }
    expect(await rolesOf(world, DEMO.unitOrganizer)).toEqual([]);
  });

  it('never lets two moves at once close a cycle', async () => {
    const { world, rootId } = await freshEnvironment();
    const make = async (name: string, requestId: string) =>
      (
        await world.expectOk('admin', ROOT_ADMIN, 'createOrg', { orgId: rootId, kind: 'league', name, unitName: '某单位', requestId })
      ).orgs.find((org) => org.name === name)?.id as string;
    const a = await make('甲团委', 'race-move-a1');
    const b = await make('乙团委', 'race-move-b1');
    const results = await Promise.all([
      world.invoke('admin', ROOT_ADMIN, 'moveOrg', { orgId: a, parentId: b }),
      world.invoke('admin', ROOT_ADMIN, 'moveOrg', { orgId: b, parentId: a }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const tree = await world.expectOk('admin', ROOT_ADMIN, 'orgTree', {});
    expect(tree.orgs.map((org) => org.id).sort()).toEqual([a, b, rootId].sort());
  });

  it('lets only one of two organizers revoking each other at once succeed', async () => {
    const { world, rootId } = await freshEnvironment();
    const { code } = await world.expectOk('admin', ROOT_ADMIN, 'issueCode', { orgId: rootId });
    await world.expectOk('admin', SECOND, 'redeemCode', { code });
    const results = await Promise.all([
      world.invoke('admin', ROOT_ADMIN, 'revokeOrganizer', { orgId: rootId, userId: SECOND, reason: '互相撤销' }),
      world.invoke('admin', SECOND, 'revokeOrganizer', { orgId: rootId, userId: ROOT_ADMIN, reason: '互相撤销' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const left = [...(await rolesOf(world, ROOT_ADMIN)), ...(await rolesOf(world, SECOND))];
    expect(left).toEqual([{ role: 'organizer', scopeId: rootId }]);
  });

  it('treats look-alike names (width, spacing, invisible characters) as the same name', async () => {
    const { world, rootId } = await freshEnvironment();
    await world.expectOk('admin', ROOT_ADMIN, 'createOrg', {
      orgId: rootId,
      kind: 'league',
      name: 'AB团委',
      unitName: '某单位',
      requestId: 'look-alike-01',
    });
    for (const [at, name] of ['ＡＢ团委', 'AB\u200b团委', 'A B 团委', 'ab团委'].entries()) {
      const result = await world.invoke('admin', ROOT_ADMIN, 'createOrg', {
        orgId: rootId,
        kind: 'league',
        name,
        unitName: '某单位',
        requestId: `look-alike-1${at}`,
      });
      expect(result).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    }
  });

  it('refuses sheets that unpack to far more than any org list, and cells that are not text', async () => {
    const { world } = await freshEnvironment();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('组织');
    sheet.addRow([...IMPORT_COLUMNS]);
    sheet.addRow(['团组织', '某市团委', new Date(Date.UTC(2026, 0, 1)), '共青团某省委员会']);
    sheet.addRow(['团组织', '某县团委', '某县', '某市团委']);
    const hidden = book.addWorksheet('隐藏', { state: 'hidden' });
    hidden.addRow(['x']);
    book.worksheets.reverse();
    const fileId = await world.cloud.storage.write(`uploads/${ROOT_ADMIN}/cells.xlsx`, Buffer.from(await book.xlsx.writeBuffer()));
    const preview = await world.expectOk('admin', ROOT_ADMIN, 'previewImport', { fileId });
    expect(preview.rows.map((row) => [row.row, row.status, row.message])).toEqual([
      [2, 'error', '「所在单位」一列须为文字'],
      [3, 'error', expect.stringContaining('那一行（第 2 行）有错误')],
    ]);

    // A zip whose central directory claims 100 MB: refused before any parser unpacks it.
    const entry = Buffer.alloc(46 + 8);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(100 * 1024 * 1024, 24);
    entry.writeUInt16LE(8, 28);
    entry.write('big.xml\0', 46);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(4, 16);
    const bomb = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), entry, end]);
    const bombId = await world.cloud.storage.write(`uploads/${ROOT_ADMIN}/bomb.xlsx`, bomb);
    expect(await world.invoke('admin', ROOT_ADMIN, 'previewImport', { fileId: bombId })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('过大'),
    });
  });

  it('retiring an org revokes every organizer of it, also one whose role was set in the database', async () => {
    const world = await makeWorld();
    const tree = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-zs',
      kind: 'league',
      name: '手工团支部',
      unitName: '省智能计算研究院',
      requestId: 'manual-role-01',
    });
    const branchId = tree.orgs.find((org) => org.name === '手工团支部')?.id as string;
    await world.db
      .collection('users')
      .doc(DEMO.partyContact)
      .update({
        data: {
          roles: [
            { role: 'partyContact', scopeId: 'org-party-hx' },
            { role: 'organizer', scopeId: branchId },
          ],
        },
      });
    // The party contact is listed for the branch (exactly), and not as an organizer of their party org.
    expect((await world.expectOk('admin', DEMO.organizer, 'organizers', { orgId: branchId })).organizers.map((row) => row.userId)).toEqual([
      DEMO.partyContact,
    ]);
    expect((await world.expectOk('admin', DEMO.organizer, 'organizers', { orgId: 'org-party-hx' })).organizers).toEqual([]);
    await world.expectOk('admin', DEMO.organizer, 'retireOrg', { orgId: branchId, reason: '支部合并' });
    expect(await rolesOf(world, DEMO.partyContact)).toEqual([{ role: 'partyContact', scopeId: 'org-party-hx' }]);
  });

  it('keeps the setup path closed even if its record were lost, once the root has an organizer', async () => {
    const { world } = await freshEnvironment();
    await world.db.collection('orgCodes').doc('setup').remove();
    expect(await world.invoke('admin', STRANGER, 'redeemCode', { code: setupCode })).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    expect(await rolesOf(world, STRANGER)).toEqual([]);
  });

  it('lets an organizer of the org above move an org they also hold directly', async () => {
    const world = await makeWorld();
    const { code } = await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId: 'org-league-zs' });
    await world.expectOk('admin', DEMO.organizer, 'redeemCode', { code });
    const created = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-prov',
      kind: 'league',
      name: '新的上级团委',
      unitName: '某单位',
      requestId: 'move-own-01',
    });
    const parentId = created.orgs.find((org) => org.name === '新的上级团委')?.id as string;
    const moved = await world.expectOk('admin', DEMO.organizer, 'moveOrg', { orgId: 'org-league-zs', parentId });
    expect(moved.orgs.find((org) => org.id === 'org-league-zs')?.parentId).toBe(parentId);
  });
});

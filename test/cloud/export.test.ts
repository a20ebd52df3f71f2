import ExcelJS from 'exceljs';
import { EXPORT_MAX_ROWS, EXPORT_TABLES, type ExportTable } from '../../core/cockpit-rules';
import { DAY_MS } from '../../core/time';
import { demoContacts } from '../../devcloud/seed-contacts';
import { DEMO, makeWorld, type World } from '../helpers/world';

const HX = 'org-league-hx';
const ZS = 'org-league-zs';
const PROVINCE = 'org-league-prov';

/** Shanghai wall time as the sheet holds it (Excel dates have no zone). */
const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(Date.UTC(year, month - 1, day, hour, minute));

async function exported(world: World, openid: string, orgId: string, table: ExportTable, eventId?: string) {
  const file = await world.expectOk('cockpit', openid, 'export', { orgId, table, ...(eventId ? { eventId } : {}) });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await world.cloud.storage.read(file.fileId)) as unknown as ArrayBuffer);
  return { file, book };
}

/** A sheet's rows as plain values (1-based row numbers dropped). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const rowWith = (sheet: ExcelJS.Worksheet, text: string) => rowsOf(sheet).find((row) => row.includes(text));

async function put(world: World, name: string, docs: { _id: string }[]) {
  for (const { _id, ...data } of docs) await world.db.collection(name).doc(_id).set({ data });
}

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});

describe('队伍与成员', () => {
  it('writes a 队伍 and a 成员 sheet with Chinese headers, widths, a frozen header and real dates, named for the org and day', async () => {
    const { file, book } = await exported(world, DEMO.organizer, HX, 'teams');
    expect(file).toMatchObject({ table: 'teams', fileName: '华芯微电子团委-队伍与成员-2026年11月20日.xlsx', rows: 4 });
    expect(file.fileId).toMatch(new RegExp(`exports/${DEMO.organizer}/${world.clock.now}-teams\\.xlsx$`));
    expect(file.url).toBeTruthy();
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['队伍', '成员']);

    const teams = book.getWorksheet('队伍')!;
    expect(rowsOf(teams)[0]).toEqual([
      '队伍名称',
      '领域',
      '状态',
      '所属团组织',
      '所在单位',
      '党组织',
      '跨单位',
      '队长',
      '成员数',
      '申请日期',
      '备案日期',
      '最近更新备案',
      '备案逾期未更新',
    ]);
    expect(rowWith(teams, '车规级芯片青年突击队')).toEqual([
      '车规级芯片青年突击队',
      '集成电路',
      '已备案',
      '华芯微电子团委',
      '华芯微电子有限公司',
      '华芯微电子党委',
      '否',
      '李航',
      2,
      wall(2026, 10, 18),
      wall(2026, 10, 21),
      wall(2026, 10, 21),
      '否',
    ]);
    // The application waiting for review is a team of the org too.
    expect(rowWith(teams, '高纯靶材国产化青年突击队')?.slice(0, 3)).toEqual(['高纯靶材国产化青年突击队', '先进材料', '待审核']);

    const members = book.getWorksheet('成员')!;
    expect(rowsOf(members)).toEqual([
      ['队伍名称', '所属团组织', '姓名', '角色', '原单位', '原党组织', '手机号', '加入日期'],
      ['车规级芯片青年突击队', '华芯微电子团委', '李航', '队长', '华芯微电子有限公司', '华芯微电子党委', '13800000003', wall(2026, 10, 21)],
      ['车规级芯片青年突击队', '华芯微电子团委', '张晓', '队员', '华芯微电子有限公司', '华芯微电子党委', '13800000005', wall(2026, 10, 22)],
    ]);
  });

  it('covers the org and the orgs beneath it, never another org’s teams', async () => {
    const { book: hx } = await exported(world, DEMO.organizer, HX, 'teams');
    expect(rowWith(hx.getWorksheet('队伍')!, '大模型推理加速青年突击队')).toBeUndefined();
    expect(rowWith(hx.getWorksheet('成员')!, '陈思远')).toBeUndefined();

    const { book: province } = await exported(world, DEMO.organizer, PROVINCE, 'teams');
    expect(rowsOf(province.getWorksheet('队伍')!)).toHaveLength(4);

    const { book: zs } = await exported(world, DEMO.unitOrganizer, ZS, 'teams');
    expect(rowsOf(zs.getWorksheet('队伍')!).map((row) => row[0])).toEqual(['队伍名称', '大模型推理加速青年突击队']);
    expect(await world.invoke('cockpit', DEMO.unitOrganizer, 'export', { orgId: HX, table: 'teams' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('shows each member’s phone exactly as the team’s page shows it to the same organizer', async () => {
    // A member who left no phone number has an empty cell, not a placeholder.
    await world.db
      .collection('users')
      .doc(DEMO.memberB)
      .update({ data: { phone: '' } });
    const { book } = await exported(world, DEMO.organizer, PROVINCE, 'teams');
    const sheet = rowsOf(book.getWorksheet('成员')!).slice(1);
    const compared: unknown[] = [];
    for (const teamId of [DEMO.teamA, DEMO.teamB]) {
      const detail = await world.expectOk('team', DEMO.organizer, 'detail', { teamId });
      for (const member of detail.members ?? []) {
        const row = sheet.find((cells) => cells[0] === detail.name && cells[2] === member.name);
        expect(row?.[6]).toBe(member.phone || undefined);
        compared.push(row?.[6]);
      }
    }
    expect(compared).toEqual(['13800000003', '13800000005', '13800000004', undefined]);
  });

  it('is refused for a party org, which has no teams of its own', async () => {
    expect(await world.invoke('cockpit', DEMO.organizer, 'export', { orgId: 'org-party-hx', table: 'teams' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('请选择团组织'),
    });
  });
});

describe('榜单与揭榜结果', () => {
  it('lists one row per claim with its outcome, and a challenge nobody claimed on a row of its own', async () => {
    const { book } = await exported(world, DEMO.organizer, PROVINCE, 'challenges');
    const sheet = book.getWorksheet('榜单与揭榜')!;
    const header = rowsOf(sheet)[0];
    expect(header.slice(0, 4)).toEqual(['榜单', '领域', '发榜组织', '出题单位']);
    const won = rowWith(sheet, '国产算力大模型推理时延优化')!;
    const cell = (row: unknown[], name: string) => row[header.indexOf(name)];
    expect(cell(won, '榜单状态')).toBe('已夺榜');
    expect(cell(won, '榜单结果')).toBe('成功');
    expect(cell(won, '揭榜队伍')).toBe('大模型推理加速青年突击队');
    expect(cell(won, '揭榜状态')).toBe('夺榜');
    expect(cell(won, '揭榜日期')).toBeInstanceOf(Date);
    const draft = rowWith(sheet, '（尚无揭榜）')!;
    expect(cell(draft, '榜单状态')).toBe('草稿');

    const { book: hx } = await exported(world, DEMO.organizer, HX, 'challenges');
    expect(rowsOf(hx.getWorksheet('榜单与揭榜')!)).toEqual([header, ['该组织及下级组织还没有榜单']]);
  });
});

describe('已确认的成果', () => {
  it('lists only confirmed achievements with their confirmer, the org the confirmer acted for, and when', async () => {
    const { book } = await exported(world, DEMO.organizer, PROVINCE, 'achievements');
    const sheet = book.getWorksheet('已确认成果')!;
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual([
      '成果名称',
      '类型',
      '队伍',
      '所属团组织',
      '领域',
      '凭证类型',
      '凭证编号',
      '完成人',
      '关联榜单',
      '确认人',
      '确认人所在组织',
      '确认时间',
      '典型案例',
      '已隐藏（举报处理）',
    ]);
    expect(rows.map((row) => row[0])).toEqual(['国产算力上的大模型推理算子融合', '一种车规级芯片故障注入验证方法']);
    expect(rows[1]).toEqual([
      '一种车规级芯片故障注入验证方法',
      '专利',
      '车规级芯片青年突击队',
      '华芯微电子团委',
      '集成电路',
      '专利申请号',
      'CN202610123451.7',
      '李航、张晓',
      undefined,
      '王敏',
      '共青团某省委员会',
      wall(2026, 10, 31, 10),
      '是',
    ]);
    expect(rows[0].slice(8, 11)).toEqual(['国产算力大模型推理时延优化', '孙悦', '智算研究院团委']);
  });
});

describe('活动出勤', () => {
  it('lists everyone of an event’s teams: 现场签到 with its time, 缺席 once the event is over, 未签到 while it runs', async () => {
    const { file, book } = await exported(world, DEMO.organizer, PROVINCE, 'attendance');
    expect(file.rows).toBe(6);
    const sheet = book.getWorksheet('活动出勤')!;
    const [header, ...rows] = rowsOf(sheet);
    expect(header).toEqual([
      '活动',
      '活动开始时间',
      '主办组织',
      '姓名',
      '队伍',
      '签到情况',
      '签到时间',
      '签到方式',
      '补签原因',
      '补签审核意见',
    ]);
    const past = rows.filter((row) => row[0] === '揭榜项目季度评审交流会');
    expect(past).toEqual([
      [
        '揭榜项目季度评审交流会',
        wall(2026, 11, 19, 7),
        '共青团某省委员会',
        '李航',
        '车规级芯片青年突击队',
        '现场签到',
        wall(2026, 11, 19, 8),
        '扫码',
      ],
      ['揭榜项目季度评审交流会', wall(2026, 11, 19, 7), '共青团某省委员会', '张晓', '车规级芯片青年突击队', '缺席'],
    ]);
    expect(rows.filter((row) => row[0] === '青年突击队攻关方法培训').map((row) => row[5])).toEqual([
      '未签到',
      '未签到',
      '未签到',
      '未签到',
    ]);
  });

  it('exports one event when asked, named for it, and refuses an event another org runs', async () => {
    const { file } = await exported(world, DEMO.organizer, PROVINCE, 'attendance', DEMO.eventPast);
    expect(file).toMatchObject({ rows: 2, fileName: '共青团某省委员会-活动出勤-揭榜项目季度评审交流会-2026年11月20日.xlsx' });
    expect(
      await world.invoke('cockpit', DEMO.organizer, 'export', { orgId: HX, table: 'attendance', eventId: DEMO.eventPast }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('请从主办组织导出'),
    });
  });
});

describe('反馈函', () => {
  it('lists issued letters with their party org and dates, and marks them 逾期未签收 once the reminder is due', async () => {
    const { book } = await exported(world, DEMO.organizer, HX, 'letters');
    const sheet = book.getWorksheet('反馈函')!;
    const [header, letter] = rowsOf(sheet);
    const cell = (name: string) => letter[header.indexOf(name)];
    expect(cell('队伍')).toBe('车规级芯片青年突击队');
    expect(cell('收函党组织')).toBe('华芯微电子党委');
    expect(cell('署名组织')).toBe('共青团某省委员会');
    expect(cell('状态')).toBe('已送达');
    expect(cell('发出时间')).toEqual(wall(2026, 11, 18, 10));
    expect(cell('逾期未签收')).toBe('否');
    expect(cell('查验码')).toBe(DEMO.letterCode);

    world.clock.now += 6 * DAY_MS;
    const { book: later } = await exported(world, DEMO.organizer, HX, 'letters');
    const [laterHeader, laterLetter] = rowsOf(later.getWorksheet('反馈函')!);
    expect(laterLetter[laterHeader.indexOf('逾期未签收')]).toBe('是');
  });
});

describe('直接联系台账', () => {
  it('lists each record with its opinions and their follow-up, and the teams chosen for the cycle', async () => {
    const contacts = demoContacts(world.clock.now);
    await put(world, 'contactCycles', contacts.contactCycles);
    await put(world, 'contactTeams', contacts.contactTeams);
    await put(world, 'contactRecords', contacts.contactRecords);
    await put(world, 'opinions', contacts.opinions);
    const { book } = await exported(world, DEMO.organizer, PROVINCE, 'ledger');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['联系记录', '联系队伍']);
    const records = book.getWorksheet('联系记录')!;
    const [header] = rowsOf(records);
    const row = rowWith(records, contacts.opinions[0].text)!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('联系组织')).toBe('共青团某省委员会');
    expect(cell('队伍')).toBe('车规级芯片青年突击队');
    expect(cell('联系方式')).toBe('走访');
    expect(cell('日期')).toEqual(wall(2026, 11, 10));
    expect(cell('记录人')).toBe('王敏');
    expect(cell('跟进状态')).toBe('待办');
    expect(cell('负责人')).toBe('王敏');
    const chosen = rowWith(book.getWorksheet('联系队伍')!, '车规级芯片青年突击队')!;
    expect(chosen.slice(0, 4)).toEqual(['共青团某省委员会', contacts.contactTeams[0].cycle, '车规级芯片青年突击队', '华芯微电子团委']);

    // A unit org's export does not list the province's ledger.
    const { book: hx } = await exported(world, DEMO.organizer, HX, 'ledger');
    expect(rowWith(hx.getWorksheet('联系记录')!, contacts.opinions[0].text)).toBeUndefined();
  });
});

describe('every export', () => {
  it.each(EXPORT_TABLES)(
    '%s: a frozen bold header with a filter, every column given a width, date columns holding dates, audited for the org',
    async (table) => {
      const { file, book } = await exported(world, DEMO.organizer, PROVINCE, table);
      for (const sheet of book.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.getRow(1).font).toMatchObject({ bold: true });
        const header = rowsOf(sheet)[0];
        header.forEach((_, at) => expect(sheet.getColumn(at + 1).width).toBeGreaterThanOrEqual(8));
        const dateColumns = header.flatMap((name, at) => (/日期|时间|截止|期间/.test(String(name)) ? [at] : []));
        for (const row of rowsOf(sheet).slice(1)) {
          for (const at of dateColumns) if (row[at] !== undefined && row.length > 1) expect(row[at]).toBeInstanceOf(Date);
        }
      }
      const { data } = await world.db.collection('audit').where({ fn: 'cockpit', action: 'export' }).get();
      expect(data).toEqual([
        expect.objectContaining({
          actor: DEMO.organizer,
          orgId: PROVINCE,
          target: `orgs/${PROVINCE}`,
          summary: expect.stringContaining(`共 ${file.rows} 行`),
        }),
      ]);
    },
  );
});

describe('the row cap', () => {
  it(`refuses more than ${EXPORT_MAX_ROWS} rows with what to do instead, writing no file and no audit entry`, async () => {
    const patent = (await world.db.collection('achievements').doc(DEMO.achievementPatent).get()).data;
    const store = await world.db.store('achievements');
    await store.insertAsync(
      Array.from({ length: EXPORT_MAX_ROWS }, (_, at) => ({
        ...patent,
        _id: `ach-cap-${String(at).padStart(5, '0')}`,
        title: `成果 ${at}`,
      })),
    );
    const before = await world.snapshot();
    expect(await world.invoke('cockpit', DEMO.organizer, 'export', { orgId: HX, table: 'achievements' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: `已确认的成果超过单次导出的上限 ${EXPORT_MAX_ROWS} 行，请选择下级组织分别导出`,
    });
    expect(await world.snapshot()).toEqual(before);
    await expect(world.cloud.storage.read(`local://exports/${DEMO.organizer}/${world.clock.now}-achievements.xlsx`)).rejects.toThrow();
  });

  it('refuses a teams export whose members would pass the cap before reading them', async () => {
    await world.db
      .collection('teams')
      .doc(DEMO.teamA)
      .update({ data: { memberCount: EXPORT_MAX_ROWS + 1 } });
    expect(await world.invoke('cockpit', DEMO.organizer, 'export', { orgId: HX, table: 'teams' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('队伍成员超过单次导出的上限'),
    });
  });
});

/** What a review of the 驾驶舱 found, held: trails that say no more than the pages, hidden work out of totals, big trees, moved teams. */
import ExcelJS from 'exceljs';
import { VALID_INPUTS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const ops = (page: { items: { fn: string; action: string; summary: string }[] }) => page.items.map((row) => `${row.fn}.${row.action}`);

async function signInOnSite(world: World) {
  const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: DEMO.eventOpen });
  await world.expectOk('progress', DEMO.memberA, 'signIn', { eventId: DEMO.eventOpen, method: 'code', code });
}

describe('trails say no more than the pages do', () => {
  it('keeps members’ own activity off every trail, and organizer-only matters off the leader’s', async () => {
    const world = await makeWorld();
    await signInOnSite(world);
    await world.expectOk('progress', DEMO.memberA, 'log', VALID_INPUTS.progress.log as never);
    await world.expectOk('contact', DEMO.organizer, 'dropTeam', VALID_INPUTS.contact.dropTeam as never);
    const leader = await world.expectOk('cockpit', DEMO.leaderA, 'teamAudit', { teamId: DEMO.teamA });
    expect(ops(leader)).not.toEqual(expect.arrayContaining(['progress.signIn']));
    expect(
      ops(leader).filter((op) => ['progress.log', 'progress.signIn', 'contact.dropTeam'].includes(op) || op.startsWith('feedback.')),
    ).toEqual([]);
    const organizer = await world.expectOk('cockpit', DEMO.organizer, 'teamAudit', { teamId: DEMO.teamA });
    expect(ops(organizer)).toContain('contact.dropTeam');
    expect(ops(organizer)).not.toContain('progress.log');
    const province = await world.expectOk('cockpit', DEMO.organizer, 'orgAudit', { orgId: 'org-league-prov', actor: DEMO.memberA });
    expect(province.items).toEqual([]);
    const { data } = await world.db.collection('audit').where({ fn: 'progress', action: 'signIn' }).get();
    expect(String((data[0] as unknown as { summary: string }).summary)).not.toMatch(/\d+\.\d{3,},\d+\.\d{3,}/);
  });
});

describe('hidden work', () => {
  it('is exported marked as hidden, with its reason', async () => {
    const world = await makeWorld();
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '证据不实' });
    const file = await world.expectOk('cockpit', DEMO.organizer, 'export', { orgId: 'org-league-prov', table: 'achievements' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await world.cloud.storage.read(file.fileId)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    const column = header.indexOf('已隐藏（举报处理）');
    expect(column).toBeGreaterThan(0);
    const marks: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) marks.push(String(row.getCell(column).value ?? ''));
    });
    expect(marks).toContain('已隐藏：证据不实');
  });
});

describe('a national tree', () => {
  it('reads every org, not the first thousand', async () => {
    const world = await makeWorld();
    const orgs = Array.from({ length: 1200 }, (_, at) => ({
      _id: `org-zz-${String(at).padStart(4, '0')}`,
      kind: 'league',
      name: `第 ${at} 团委`,
      unitName: '某单位',
      parentId: 'org-league-prov',
    }));
    await (await world.db.store('orgs')).insertAsync(orgs as never);
    const last = await world.expectOk('cockpit', DEMO.organizer, 'dashboard', { orgId: 'org-zz-1199' });
    expect(last.orgName).toBe('第 1199 团委');
    const province = await world.expectOk('cockpit', DEMO.organizer, 'dashboard', { orgId: 'org-league-prov' });
    expect(province.subOrgs).toHaveLength(1202);
  });
});

describe('the ledger', () => {
  it('refuses a record for a team whose org has moved out from under the ledger’s org', async () => {
    const world = await makeWorld();
    const city = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-prov',
      kind: 'league',
      name: '某市团委',
      unitName: '某市',
      requestId: 'review-city-01',
    });
    const cityId = city.orgs.find((org) => org.name === '某市团委')?.id as string;
    await world.expectOk('admin', DEMO.organizer, 'moveOrg', { orgId: 'org-league-zs', parentId: cityId });
    await world.expectOk('contact', DEMO.organizer, 'startCycle', { orgId: cityId, cycle: '2025', years: 2 });
    await world.expectOk('contact', DEMO.organizer, 'chooseTeams', { orgId: cityId, cycle: '2025', teamIds: [DEMO.teamB] });
    await world.expectOk('admin', DEMO.organizer, 'moveOrg', { orgId: 'org-league-zs', parentId: 'org-league-prov' });
    const record = { ...VALID_INPUTS.contact.addRecord, orgId: cityId, teamId: DEMO.teamB, requestId: 'review-moved-01' };
    expect(await world.invoke('contact', DEMO.organizer, 'addRecord', record as never)).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('已不在本组织之下'),
    });
  });

  it('answers a reused request id for another team as a duplicate, not with the other record', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.organizer, 'chooseTeams', VALID_INPUTS.contact.chooseTeams as never);
    await world.expectOk('contact', DEMO.organizer, 'addRecord', VALID_INPUTS.contact.addRecord as never);
    const again = await world.invoke('contact', DEMO.organizer, 'addRecord', {
      ...VALID_INPUTS.contact.addRecord,
      teamId: DEMO.teamB,
    } as never);
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE' });
  });

  it('hands an opinion to another organizer without changing its state', async () => {
    const world = await makeWorld();
    const { code } = await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId: 'org-league-prov' });
    await world.expectOk('admin', DEMO.newcomer, 'redeemCode', { code });
    const handed = await world.expectOk('contact', DEMO.organizer, 'updateOpinion', {
      orgId: 'org-league-prov',
      opinionId: DEMO.opinion,
      state: 'open',
      reply: '',
      ownerId: DEMO.newcomer,
    });
    expect(handed).toMatchObject({ state: 'open', ownerId: DEMO.newcomer });
  });
});

import { CONTACT_STALE_DAYS } from '../../core/contact-rules';
import { DAY_MS } from '../../core/time';
import type { ContactRecord, ContactTeam, Opinion } from '../../core/types';
import { VALID_INPUTS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const PROV = 'org-league-prov';
const ZS = 'org-league-zs';

async function docs<T>(world: World, name: string, where: object = {}): Promise<T[]> {
  const { data } = await world.db.collection(name).where(where).limit(1000).get();
  return data as unknown as T[];
}

async function auditOf(world: World, action: string) {
  return docs<{ orgId?: string; teamId?: string; target: string; summary: string }>(world, 'audit', { fn: 'contact', action });
}

const record = (overrides: Record<string, unknown> = {}) => ({
  orgId: PROV,
  cycle: '2025',
  teamId: DEMO.teamA,
  kind: 'training' as const,
  day: '2026-11-18',
  participants: '王敏、李航',
  notes: '座谈车规芯片验证平台建设。',
  opinions: ['建议组织一次可靠性测试培训', '希望对接省汽车电子集团'],
  requestId: 'contact-test-0001',
  ...overrides,
});

describe('every contact input of the permission matrix succeeds for the demo organizer', () => {
  it.each(Object.entries(VALID_INPUTS.contact))('contact.%s', async (action, input) => {
    const world = await makeWorld();
    const result = await world.raw('contact', DEMO.organizer, { action, ...input });
    expect(result).toMatchObject({ ok: true });
  });
});

describe('cycles', () => {
  it('shows the seeded cycle with team A contacted ten days ago, and offers the other registered teams under the org', async () => {
    const world = await makeWorld();
    const ledger = await world.expectOk('contact', DEMO.organizer, 'ledger', { orgId: PROV });
    expect(ledger.cycle).toEqual({ key: '2025', startDay: '2025-01-01', endDay: '2026-12-31' });
    expect(ledger.cycles).toEqual(['2025']);
    expect(ledger.teams).toEqual([
      expect.objectContaining({ teamId: DEMO.teamA, lastContactDay: '2026-11-10', records: 1, openOpinions: 1, stale: false }),
    ]);
    // Team B is registered under the province; the pending application is not a team yet.
    expect(ledger.candidates.map((team) => team.teamId)).toEqual([DEMO.teamB]);
    expect(ledger.candidates[0].leagueOrgName).toBe('智算研究院团委');
  });

  it('has no cycle for an org that never started one, and names its days once started', async () => {
    const world = await makeWorld();
    expect(await world.expectOk('contact', DEMO.unitOrganizer, 'ledger', { orgId: ZS })).toMatchObject({
      cycle: null,
      teams: [],
      cycles: [],
    });
    const started = await world.expectOk('contact', DEMO.unitOrganizer, 'startCycle', { orgId: ZS, cycle: '2026', years: 2 });
    expect(started.cycle).toEqual({ key: '2026', startDay: '2026-01-01', endDay: '2027-12-31' });
    expect(started.candidates.map((team) => team.teamId)).toEqual([DEMO.teamB]);
    const [entry] = await auditOf(world, 'startCycle');
    expect(entry).toMatchObject({ orgId: ZS, target: `contactCycles/${ZS}_2026` });
  });

  it('refuses a cycle that overlaps one the org has, whichever side it starts on, and writes nothing', async () => {
    const world = await makeWorld();
    const before = await docs(world, 'contactCycles');
    for (const [cycle, years] of [
      ['2026', 2],
      ['2024', 2],
      ['2021', 5],
    ] as const) {
      const refused = await world.invoke('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle, years });
      expect(refused).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('请从 2027 年开始新周期') });
    }
    // A cycle right before or right after is no overlap; the same cycle asked again is the one already started.
    await world.expectOk('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2024', years: 1 });
    await world.expectOk('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2027', years: 2 });
    const again = await world.expectOk('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2027', years: 2 });
    expect(again.cycles).toEqual(['2027', '2025', '2024']);
    expect(await world.invoke('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2027', years: 3 })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    // More than a year ahead is refused.
    expect(await world.invoke('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2029', years: 2 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect((await docs(world, 'contactCycles')).length).toBe(before.length + 2);
  });

  it('shows the cycle running today by default, and any other on request', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.organizer, 'startCycle', { orgId: PROV, cycle: '2027', years: 2 });
    expect((await world.expectOk('contact', DEMO.organizer, 'ledger', { orgId: PROV })).cycle?.key).toBe('2025');
    const next = await world.expectOk('contact', DEMO.organizer, 'ledger', { orgId: PROV, cycle: '2027' });
    expect(next).toMatchObject({ cycle: { key: '2027' }, teams: [] });
    expect(next.candidates.map((team) => team.teamId).sort()).toEqual([DEMO.teamA, DEMO.teamB].sort());
    expect(await world.invoke('contact', DEMO.organizer, 'ledger', { orgId: PROV, cycle: '2030' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('keeps ledgers for league orgs only', async () => {
    const world = await makeWorld();
    expect(await world.invoke('contact', DEMO.organizer, 'startCycle', { orgId: 'org-party-hx', cycle: '2026', years: 2 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('names a chosen team dissolved since, still within three round trips one after another', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.organizer, 'chooseTeams', { orgId: PROV, cycle: '2025', teamIds: [DEMO.teamB] });
    await world.db
      .collection('teams')
      .doc(DEMO.teamB)
      .update({ data: { status: 'dissolved' } });
    world.db.latencyMs = 2; // depths are measured by waits that overlap or follow each other
    const { result, profile } = await world.db.profile(() => world.invoke('contact', DEMO.organizer, 'ledger', { orgId: PROV }));
    world.db.latencyMs = 0;
    if (!result.ok) throw new Error(result.message);
    expect(result.data.teams.map((team) => team.teamName)).toContain('大模型推理加速青年突击队');
    expect(result.data.candidates).toEqual([]);
    expect(profile.depth).toBeLessThanOrEqual(3);
  });
});

describe('choosing and dropping teams', () => {
  it('chooses only registered teams in the org’s subtree, naming the one refused, and writes nothing then', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.unitOrganizer, 'startCycle', { orgId: ZS, cycle: '2026', years: 2 });
    const before = await docs(world, 'contactTeams');
    const pending = await world.invoke('contact', DEMO.organizer, 'chooseTeams', {
      orgId: PROV,
      cycle: '2025',
      teamIds: [DEMO.teamB, DEMO.teamPending],
    });
    expect(pending).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('「高纯靶材国产化青年突击队」不是'),
    });
    const elsewhere = await world.invoke('contact', DEMO.unitOrganizer, 'chooseTeams', { orgId: ZS, cycle: '2026', teamIds: [DEMO.teamA] });
    expect(elsewhere).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('不是「智算研究院团委」下已登记的队伍'),
    });
    const missing = await world.invoke('contact', DEMO.organizer, 'chooseTeams', { orgId: PROV, cycle: '2025', teamIds: ['team-none'] });
    expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await world.invoke('contact', DEMO.organizer, 'chooseTeams', { orgId: PROV, cycle: '2023', teamIds: [DEMO.teamB] }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await docs(world, 'contactTeams')).toEqual(before);

    const chosen = await world.expectOk('contact', DEMO.organizer, 'chooseTeams', {
      orgId: PROV,
      cycle: '2025',
      teamIds: [DEMO.teamB, DEMO.teamA],
    });
    expect(chosen.teams.map((team) => [team.teamId, team.stale])).toEqual([
      [DEMO.teamA, false],
      [DEMO.teamB, true], // never contacted
    ]);
    expect(chosen.candidates).toEqual([]);
    // Team A was already chosen: choosing it again changes nothing.
    expect((await auditOf(world, 'chooseTeams')).map((entry) => [entry.orgId, entry.teamId])).toEqual([[PROV, DEMO.teamB]]);
  });

  it('drops a team with its reason kept on record; it becomes a candidate again and its records stay', async () => {
    const world = await makeWorld();
    const dropped = await world.expectOk('contact', DEMO.organizer, 'dropTeam', {
      orgId: PROV,
      cycle: '2025',
      teamId: DEMO.teamA,
      reason: '改由所在单位团委联系',
    });
    expect(dropped.teams).toEqual([]);
    expect(dropped.candidates.map((team) => team.teamId).sort()).toEqual([DEMO.teamA, DEMO.teamB].sort());
    const [stored] = await docs<ContactTeam>(world, 'contactTeams', { teamId: DEMO.teamA });
    expect(stored).toMatchObject({ droppedAt: world.clock.now, dropReason: '改由所在单位团委联系', records: 1 });
    expect(await auditOf(world, 'dropTeam')).toEqual([
      expect.objectContaining({ orgId: PROV, teamId: DEMO.teamA, summary: expect.stringContaining('改由所在单位团委联系') }),
    ]);
    expect((await world.expectOk('contact', DEMO.leaderA, 'teamContacts', { teamId: DEMO.teamA })).records).toHaveLength(1);
    // A dropped team takes no new record until it is chosen again.
    expect(await world.invoke('contact', DEMO.organizer, 'addRecord', record())).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    const back = await world.expectOk('contact', DEMO.organizer, 'chooseTeams', { orgId: PROV, cycle: '2025', teamIds: [DEMO.teamA] });
    expect(back.teams).toEqual([expect.objectContaining({ teamId: DEMO.teamA, records: 1, lastContactDay: '2026-11-10' })]);
  });
});

describe('contact records', () => {
  it('writes the record, one open opinion per text owned by the writer, and the team’s counters in one transaction', async () => {
    const world = await makeWorld();
    const { result, profile } = await world.db.profile(() => world.invoke('contact', DEMO.organizer, 'addRecord', record()));
    if (!result.ok) throw new Error(result.message);
    expect(profile.transactions).toBe(1);
    expect(result.data).toMatchObject({
      teamName: '车规级芯片青年突击队',
      orgName: '共青团某省委员会',
      kind: 'training',
      day: '2026-11-18',
      byName: '王敏',
      canFollowUp: true,
      opinions: [
        { text: '建议组织一次可靠性测试培训', state: 'open', ownerName: '王敏' },
        { text: '希望对接省汽车电子集团', state: 'open', ownerName: '王敏' },
      ],
    });
    const opinions = await docs<Opinion>(world, 'opinions', { recordId: result.data.id });
    expect(opinions.map((opinion) => [opinion.state, opinion.ownerId, opinion.history.length])).toEqual([
      ['open', DEMO.organizer, 1],
      ['open', DEMO.organizer, 1],
    ]);
    const [team] = await docs<ContactTeam>(world, 'contactTeams', { teamId: DEMO.teamA });
    expect(team).toMatchObject({ records: 2, lastContactDay: '2026-11-18' });
    expect(await auditOf(world, 'addRecord')).toEqual([
      expect.objectContaining({ orgId: PROV, teamId: DEMO.teamA, target: `contactRecords/${result.data.id}` }),
    ]);
  });

  it('applies a request sent twice once, and an earlier day does not move the last contact back', async () => {
    const world = await makeWorld();
    const first = await world.expectOk('contact', DEMO.organizer, 'addRecord', record({ day: '2026-10-01' }));
    const second = await world.expectOk('contact', DEMO.organizer, 'addRecord', record({ day: '2026-10-01' }));
    expect(second.id).toBe(first.id);
    expect(second.opinions.map((opinion) => opinion.id)).toEqual(first.opinions.map((opinion) => opinion.id));
    expect(await docs<ContactRecord>(world, 'contactRecords', { teamId: DEMO.teamA })).toHaveLength(2);
    expect(await docs<Opinion>(world, 'opinions', { teamId: DEMO.teamA })).toHaveLength(3);
    const [team] = await docs<ContactTeam>(world, 'contactTeams', { teamId: DEMO.teamA });
    expect(team).toMatchObject({ records: 2, lastContactDay: '2026-11-10' });
  });

  it('refuses a day in the future or outside the cycle, and a team not chosen in the cycle, writing nothing', async () => {
    const world = await makeWorld();
    const before = await world.snapshot();
    expect(await world.invoke('contact', DEMO.organizer, 'addRecord', record({ day: '2026-11-21' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('不能晚于今天'),
    });
    expect(await world.invoke('contact', DEMO.organizer, 'addRecord', record({ day: '2024-12-31' }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('本周期内'),
    });
    expect(await world.invoke('contact', DEMO.organizer, 'addRecord', record({ teamId: DEMO.teamB }))).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect(await world.snapshot()).toEqual(before);
  });

  it('puts a chosen team on the worklist once 90 days pass without a contact', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.unitOrganizer, 'startCycle', { orgId: ZS, cycle: '2026', years: 2 });
    await world.expectOk('contact', DEMO.unitOrganizer, 'chooseTeams', { orgId: ZS, cycle: '2026', teamIds: [DEMO.teamB] });
    await world.expectOk(
      'contact',
      DEMO.unitOrganizer,
      'addRecord',
      record({ orgId: ZS, cycle: '2026', teamId: DEMO.teamB, day: '2026-11-20', opinions: [] }),
    );
    const staleOf = async () => (await world.expectOk('contact', DEMO.unitOrganizer, 'ledger', { orgId: ZS })).teams[0].stale;
    expect(await staleOf()).toBe(false);
    world.clock.now += (CONTACT_STALE_DAYS - 1) * DAY_MS;
    expect(await staleOf()).toBe(false);
    world.clock.now += DAY_MS;
    expect(await staleOf()).toBe(true);
  });
});

describe('following opinions up', () => {
  const step = (state: 'open' | 'replied' | 'resolved', extra: Record<string, unknown> = {}) => ({
    orgId: PROV,
    opinionId: DEMO.opinion,
    state,
    reply: '',
    ...extra,
  });

  it('moves forward only, with a reply to mark it replied, and keeps every step in its history', async () => {
    const world = await makeWorld();
    expect(await world.invoke('contact', DEMO.organizer, 'updateOpinion', step('replied'))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const replied = await world.expectOk(
      'contact',
      DEMO.organizer,
      'updateOpinion',
      step('replied', { reply: '已联系省汽车电子测试中心' }),
    );
    expect(replied).toMatchObject({ state: 'replied', reply: '已联系省汽车电子测试中心' });
    // The same step sent twice is applied once.
    await world.expectOk('contact', DEMO.organizer, 'updateOpinion', step('replied', { reply: '已联系省汽车电子测试中心' }));
    expect(await world.invoke('contact', DEMO.organizer, 'updateOpinion', step('open'))).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '这条意见建议已是「已回复」，只能标为「已解决」',
    });
    const resolved = await world.expectOk('contact', DEMO.organizer, 'updateOpinion', step('resolved', { reply: '测试场地已排期' }));
    expect(resolved.history.map((entry) => [entry.state, entry.byName, entry.reply])).toEqual([
      ['open', '王敏', ''],
      ['replied', '王敏', '已联系省汽车电子测试中心'],
      ['resolved', '王敏', '测试场地已排期'],
    ]);
    expect(await world.invoke('contact', DEMO.organizer, 'updateOpinion', step('replied', { reply: '再补充一句' }))).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect((await auditOf(world, 'updateOpinion')).map((entry) => [entry.orgId, entry.teamId])).toEqual([
      [PROV, DEMO.teamA],
      [PROV, DEMO.teamA],
    ]);
  });

  it('gives it a new owner only if they organize the org or one above it, as the database says', async () => {
    const world = await makeWorld();
    for (const ownerId of [DEMO.leaderA, DEMO.unitOrganizer, 'nobody-at-all']) {
      expect(await world.invoke('contact', DEMO.organizer, 'updateOpinion', step('replied', { reply: '已转交', ownerId }))).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining('负责人须是「共青团某省委员会」或其上级组织的管理员'),
      });
    }
    await world.db
      .collection('users')
      .doc(DEMO.newcomer)
      .update({ data: { roles: [{ role: 'organizer', scopeId: PROV }] } });
    const handed = await world.expectOk(
      'contact',
      DEMO.organizer,
      'updateOpinion',
      step('replied', { reply: '已转交', ownerId: DEMO.newcomer }),
    );
    expect(handed).toMatchObject({ ownerId: DEMO.newcomer, ownerName: '吴桐' });
  });

  it('is not found through another org’s ledger', async () => {
    const world = await makeWorld();
    await world.db
      .collection('users')
      .doc(DEMO.unitOrganizer)
      .update({
        data: {
          roles: [
            { role: 'organizer', scopeId: ZS },
            { role: 'organizer', scopeId: 'org-league-hx' },
          ],
        },
      });
    expect(
      await world.invoke('contact', DEMO.unitOrganizer, 'updateOpinion', { ...step('resolved'), orgId: 'org-league-hx' }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('a team’s contact records', () => {
  it('shows the leader every record with its opinions and their states, read only', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.organizer, 'updateOpinion', {
      orgId: PROV,
      opinionId: DEMO.opinion,
      state: 'replied',
      reply: '已联系测试中心',
    });
    const seen = await world.expectOk('contact', DEMO.leaderA, 'teamContacts', { teamId: DEMO.teamA });
    expect(seen).toMatchObject({ teamName: '车规级芯片青年突击队', openCycles: [], owners: {} });
    expect(seen.records).toEqual([
      expect.objectContaining({
        id: DEMO.contactRecord,
        orgName: '共青团某省委员会',
        kind: 'visit',
        day: '2026-11-10',
        byName: '王敏',
        canFollowUp: false,
        opinions: [expect.objectContaining({ id: DEMO.opinion, state: 'replied', reply: '已联系测试中心', ownerName: '王敏' })],
      }),
    ]);
  });

  it('gives an organizer the cycles to record in and who may own an opinion', async () => {
    const world = await makeWorld();
    await world.expectOk('contact', DEMO.organizer, 'addRecord', record());
    const seen = await world.expectOk('contact', DEMO.organizer, 'teamContacts', { teamId: DEMO.teamA });
    expect(seen.records.map((entry) => [entry.day, entry.canFollowUp])).toEqual([
      ['2026-11-18', true],
      ['2026-11-10', true],
    ]);
    expect(seen.openCycles).toEqual([
      { orgId: PROV, orgName: '共青团某省委员会', cycle: '2025', startDay: '2025-01-01', endDay: '2026-12-31' },
    ]);
    expect(seen.owners[PROV]).toEqual([{ userId: DEMO.organizer, name: '王敏' }]);
  });

  it('is refused to a member and to another team’s leader', async () => {
    const world = await makeWorld();
    for (const openid of [DEMO.memberA, DEMO.leaderB]) {
      expect(await world.invoke('contact', openid, 'teamContacts', { teamId: DEMO.teamA })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

describe('cycle summary', () => {
  it('counts teams chosen and contacted, records by kind and opinions by state', async () => {
    const world = await makeWorld();
    const summary = () => world.expectOk('contact', DEMO.organizer, 'cycleSummary', { orgId: PROV, cycle: '2025' });
    expect(await summary()).toEqual({
      orgId: PROV,
      cycle: '2025',
      teamsChosen: 1,
      teamsContacted: 1,
      recordsByKind: { training: 0, exchange: 0, visit: 1, listening: 0 },
      opinionsByState: { open: 1, replied: 0, resolved: 0 },
    });
    await world.expectOk('contact', DEMO.organizer, 'chooseTeams', { orgId: PROV, cycle: '2025', teamIds: [DEMO.teamB] });
    const written = await world.expectOk('contact', DEMO.organizer, 'addRecord', record());
    await world.expectOk('contact', DEMO.organizer, 'updateOpinion', {
      orgId: PROV,
      opinionId: written.opinions[0].id,
      state: 'resolved',
      reply: '',
    });
    expect(await summary()).toMatchObject({
      teamsChosen: 2,
      teamsContacted: 1,
      recordsByKind: { training: 1, exchange: 0, visit: 1, listening: 0 },
      opinionsByState: { open: 2, replied: 0, resolved: 1 },
    });
    await world.expectOk('contact', DEMO.organizer, 'dropTeam', { orgId: PROV, cycle: '2025', teamId: DEMO.teamB, reason: '队伍调整' });
    expect(await summary()).toMatchObject({ teamsChosen: 1, teamsContacted: 1 });
    expect(await world.invoke('contact', DEMO.organizer, 'cycleSummary', { orgId: PROV, cycle: '2027' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

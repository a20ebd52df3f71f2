/**
 * 数据看板: dispatch's rollup job counts the demo world as one would by hand, a change moves the
 * figures once the rollups are due again (only the changed org's rollup is rewritten), a
 * dashboard sums an org's subtree and lists the orgs directly below it, unconfirmed achievements
 * stay beside the totals, and an organizer sees only orgs in their own subtree.
 */
import { performance } from 'node:perf_hooks';
import { ROLLUP_MAX_AGE_MS } from '../../core/cockpit-rules';
import { DAY_MS } from '../../core/time';
import type { Team } from '../../core/types';
import type { Dashboard, Figures } from '../../core/views';
import { refreshRollups } from '../../server/handlers/cockpit/rollup-job';
import type { Ctx } from '../../server/runtime/context';
import { DEMO, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const dashboardOf = (orgId: string) => world.expectOk('cockpit', DEMO.organizer, 'dashboard', { orgId });
const dispatch = () => world.expectOk('dispatch', '', 'run', {});
const ctxOf = (w: World): Ctx => ({ db: w.db, openid: '', openapi: w.cloud.openapi, storage: w.cloud.storage, now: () => w.clock.now });
const row = (view: Dashboard, orgId: string) => view.subOrgs.find((sub) => sub.orgId === orgId)?.figures as Figures;
const months = (figures: Figures) =>
  Object.fromEntries(figures.achievements.confirmedByMonth.filter((m) => m.total).map((m) => [m.month, m.byType]));
const rollupTimes = async () =>
  Object.fromEntries(
    (
      (
        await world.db
          .collection('rollups')
          .where({ _id: world.db.command.gt('') })
          .get()
      ).data as { _id: string; computedAt: number }[]
    ).map((rollup) => [rollup._id, rollup.computedAt]),
  );

describe('the rollup job on the demo world', () => {
  it('says plainly that there are no figures before its first run', async () => {
    const view = await dashboardOf('org-league-prov');
    expect(view.asOf).toBeNull();
    expect(view.figures.teams.byStatus).toEqual({ pending: 0, registered: 0, rejected: 0, dissolved: 0 });
    expect(view.subOrgs.map((sub) => sub.orgName)).toEqual(['华芯微电子团委', '智算研究院团委']);
  });

  it('counts what one counts by hand, summed over the province and split by the orgs below it', async () => {
    await dispatch();
    const view = await dashboardOf('org-league-prov');
    expect(view.asOf).toBe(world.clock.now);
    const { teams, challenges, achievements, feedback } = view.figures;

    // Team A (registered) and the pending application under 华芯, team B under 智算 (refreshed 120 days ago).
    expect(teams.byStatus).toEqual({ pending: 1, registered: 2, rejected: 0, dissolved: 0 });
    expect(teams.byField).toEqual([
      { field: '集成电路', count: 1 },
      { field: '人工智能', count: 1 },
    ]);
    expect(teams.refreshOverdue).toBe(1);

    // The open race (one claim waiting), the challenge team B won, a draft and the 征榜 draft made from
    // the enterprise's need: all issued by the province.
    expect(challenges.funnel.map((step) => [step.stage, step.count])).toEqual([
      ['征榜', 4],
      ['发榜', 2],
      ['揭榜', 2],
      ['评榜', 1],
      ['夺榜', 1],
    ]);
    expect(challenges.outcomes).toEqual({ won: 1, completed: 1, failed: 0, stopped: 0, cancelled: 0 });
    // 发榜: the race 5 → 2 days ago (3 days), the won one 130 → 110 (20 days); 揭榜 110 → 98; 评榜 98 → 15.
    expect(challenges.stageDays.map((step) => [step.stage, step.days, step.left])).toEqual([
      ['征榜', 0, 2],
      ['发榜', 11.5, 2],
      ['揭榜', 12, 1],
      ['评榜', 83, 1],
      ['夺榜', null, 0],
    ]);

    // The patent (confirmed 20 days ago, October) and the paper (10 days ago, November); the standard waits.
    expect(achievements.confirmed).toBe(2);
    expect(achievements.unconfirmed).toBe(1);
    expect(months(view.figures)).toEqual({ '2026-10': { patent: 1 }, '2026-11': { paper: 1 } });
    expect(achievements.confirmedByMonth).toHaveLength(12);
    expect(achievements.confirmedByMonth[11].month).toBe('2026-11');

    expect(feedback.letters).toEqual({ issued: 1, opened: 0, acknowledged: 0, overdue: 0 });
    expect(feedback.notices).toEqual({ count: 1, needAck: 1, recipients: 4, acknowledged: 0 });

    const hx = row(view, 'org-league-hx');
    expect(hx.teams.byStatus).toMatchObject({ registered: 1, pending: 1 });
    expect(hx.teams.refreshOverdue).toBe(0);
    expect(hx.achievements).toMatchObject({ confirmed: 1, unconfirmed: 1 });
    expect(hx.feedback.letters.issued).toBe(1);
    // Challenges and the notice are the province's own: in neither sub-org.
    expect(hx.challenges.funnel[0].count).toBe(0);
    const zs = row(view, 'org-league-zs');
    expect(zs.teams.byStatus).toMatchObject({ registered: 1, pending: 0 });
    expect(zs.teams.refreshOverdue).toBe(1);
    expect(months(zs)).toEqual({ '2026-11': { paper: 1 } });
    expect(zs.feedback.notices.count).toBe(0);
  });

  it('keeps unconfirmed achievements beside the totals, never inside them', async () => {
    await dispatch();
    const { achievements } = (await dashboardOf('org-league-hx')).figures;
    const inMonths = achievements.confirmedByMonth.reduce((sum, month) => sum + month.total, 0);
    expect(inMonths).toBe(achievements.confirmed);
    expect(achievements).toMatchObject({ confirmed: 1, unconfirmed: 1 });
    for (const month of achievements.confirmedByMonth) expect(month.byType.standard ?? 0).toBe(0);
  });

  it('moves the figures with a change once the rollups are due, rewriting only the org that changed', async () => {
    await dispatch();
    const before = await rollupTimes();
    expect(Object.keys(before).sort()).toEqual(['org-league-hx', 'org-league-prov', 'org-league-zs']);

    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: DEMO.achievementPending });
    world.clock.now += 10 * 60_000;
    await dispatch();
    // Within the hour the figures stay as they were read.
    expect((await dashboardOf('org-league-hx')).figures.achievements).toMatchObject({ confirmed: 1, unconfirmed: 1 });

    world.clock.now += ROLLUP_MAX_AGE_MS;
    await dispatch();
    const view = await dashboardOf('org-league-hx');
    expect(view.asOf).toBe(world.clock.now);
    expect(view.figures.achievements).toMatchObject({ confirmed: 2, unconfirmed: 0 });
    expect(months(view.figures)).toEqual({ '2026-10': { patent: 1 }, '2026-11': { standard: 1 } });

    const after = await rollupTimes();
    expect(after['org-league-hx']).toBe(world.clock.now);
    expect(after['org-league-prov']).toBe(before['org-league-prov']);
    expect(after['org-league-zs']).toBe(before['org-league-zs']);
  });

  it('counts a challenge closed as 未成功 and one withdrawn as outcomes, each leaving the stage it ended in', async () => {
    world.clock.now += 2 * DAY_MS;
    await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: DEMO.challengeRace,
      result: 'failed',
      winners: [],
      summary: '无队伍达到考核指标',
    });
    await world.expectOk('challenge', DEMO.organizer, 'cancel', { challengeId: DEMO.challengeDraft, reason: '需求方调整计划' });
    await dispatch();
    const { challenges } = (await dashboardOf('org-league-prov')).figures;
    expect(challenges.outcomes).toEqual({ won: 1, completed: 1, failed: 1, stopped: 0, cancelled: 1 });
    // Reaching a stage is kept: the failed race still reached 揭榜.
    expect(challenges.funnel.map((step) => step.count)).toEqual([4, 2, 2, 1, 1]);
    // The draft left 征榜 when withdrawn 3 days after it was made; the race left 揭榜 when closed, 4 days after its claim.
    expect(challenges.stageDays.map((step) => [step.stage, step.days, step.left])).toEqual([
      ['征榜', 1, 3],
      ['发榜', 11.5, 2],
      ['揭榜', 8, 2],
      ['评榜', 83, 1],
      ['夺榜', null, 0],
    ]);
  });

  it('counts overdue refreshes, overdue letters and acknowledgements as time and people move', async () => {
    await dispatch();
    await world.expectOk('notice', DEMO.memberA, 'ack', { noticeId: DEMO.notice });
    world.clock.now += ROLLUP_MAX_AGE_MS + 70 * DAY_MS;
    await dispatch();
    const view = await dashboardOf('org-league-prov');
    // Team A was refreshed 30 days before: 100 days now. The letter was issued 2 days before: 72 days unacknowledged.
    expect(view.figures.teams.refreshOverdue).toBe(2);
    expect(view.figures.feedback.letters).toMatchObject({ issued: 1, acknowledged: 0, overdue: 1 });
    expect(view.figures.feedback.notices).toMatchObject({ recipients: 4, acknowledged: 1 });
  });
});

describe('who sees which dashboard', () => {
  it('gives a unit organizer their own org and refuses the province above it', async () => {
    await dispatch();
    const own = await world.expectOk('cockpit', DEMO.unitOrganizer, 'dashboard', { orgId: 'org-league-zs' });
    expect(own.figures.teams.byStatus.registered).toBe(1);
    expect(own.figures.challenges.funnel[0].count).toBe(0);
    expect(own.subOrgs).toEqual([]);
    const above = await world.invoke('cockpit', DEMO.unitOrganizer, 'dashboard', { orgId: 'org-league-prov' });
    expect(above).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const beside = await world.invoke('cockpit', DEMO.unitOrganizer, 'dashboard', { orgId: 'org-league-hx' });
    expect(beside).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const member = await world.invoke('cockpit', DEMO.leaderA, 'dashboard', { orgId: 'org-league-hx' });
    expect(member).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('says a party org has no dashboard of its own', async () => {
    const party = await world.invoke('cockpit', DEMO.organizer, 'dashboard', { orgId: 'org-party-hx' });
    expect(party).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('团组织') });
  });

  it('lists a new sub-org with zero figures and adds a deeper org into its parent’s row', async () => {
    const child = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-hx',
      kind: 'league',
      name: '华芯微电子设计中心团支部',
      unitName: '华芯微电子设计中心',
      requestId: 'dashboard-test-0001',
    });
    const childId = child.orgs.find((org) => org.name === '华芯微电子设计中心团支部')?.id as string;
    const store = await world.db.store('teams');
    const teamA = (await store.findOneAsync({ _id: DEMO.teamA })) as unknown as Team;
    await store.insertAsync({ ...teamA, _id: 'team-dashboard-deep', inviteCode: 'DDEEP2', leagueOrgId: childId, field: '量子科技' });
    await dispatch();
    const province = await dashboardOf('org-league-prov');
    expect(row(province, 'org-league-hx').teams.byStatus.registered).toBe(2);
    expect(row(province, 'org-league-hx').teams.byField).toEqual([
      { field: '集成电路', count: 1 },
      { field: '量子科技', count: 1 },
    ]);
    const unit = await dashboardOf('org-league-hx');
    expect(unit.subOrgs).toEqual([expect.objectContaining({ orgId: childId, orgName: '华芯微电子设计中心团支部' })]);
    expect(unit.subOrgs[0].figures.teams.byStatus.registered).toBe(1);
    expect(unit.figures.teams.byStatus.registered).toBe(2);
  });
});

describe('the job under load and contention', () => {
  it('writes nothing when it runs past its deadline, and a later run finishes', async () => {
    const store = await world.db.store('teams');
    const teamA = (await store.findOneAsync({ _id: DEMO.teamA })) as unknown as Team;
    await store.insertAsync(
      Array.from({ length: 1200 }, (_, i) => ({ ...teamA, _id: `team-bulk-${String(i).padStart(4, '0')}`, inviteCode: `BULK${i}` })),
    );
    expect(await refreshRollups(ctxOf(world), performance.now() - 1)).toEqual({ skipped: 'deadline' });
    expect(await rollupTimes()).toEqual({});
    expect(await refreshRollups(ctxOf(world))).toEqual({ written: 3 });
    expect((await dashboardOf('org-league-hx')).figures.teams.byStatus.registered).toBe(1201);
  });

  it('lets one of two simultaneous runs write', async () => {
    const runs = await Promise.all([refreshRollups(ctxOf(world)), refreshRollups(ctxOf(world))]);
    expect(runs).toEqual(expect.arrayContaining([{ written: 3 }, { skipped: 'held' }]));
    expect(await refreshRollups(ctxOf(world))).toEqual({ skipped: 'fresh' });
  });
});

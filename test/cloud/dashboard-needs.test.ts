/**
 * 数据看板, the line from need to result (issue 17 §5): dispatch's rollup counts the needs an org
 * serves along 收到 → 接单 → 转为榜单 → 揭榜 → 夺榜 → 成果转化 with the days each span took, and sums
 * only confirmed contract amounts (pending and disputed ones beside). A rollup written before the
 * line existed still reads, as nothing yet.
 */
import { DAY_MS } from '../../core/time';
import type { Challenge, Claim, Need, Transfer } from '../../core/types';
import type { Dashboard, Figures } from '../../core/views';
import { DEMO, makeWorld, type World } from '../helpers/world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const dashboardOf = (orgId: string) => world.expectOk('cockpit', DEMO.organizer, 'dashboard', { orgId });
const dispatch = () => world.expectOk('dispatch', '', 'run', {});
const row = (view: Dashboard, orgId: string) => view.subOrgs.find((sub) => sub.orgId === orgId)?.figures as Figures;
const funnel = (figures: Figures) => figures.needs.funnel.map((step) => [step.stage, step.count]);
const spans = (figures: Figures) => figures.needs.spanDays.map((step) => [step.span, step.days, step.passed]);

async function template<T>(name: string, id: string): Promise<T> {
  return (await (await world.db.store(name)).findOneAsync({ _id: id })) as unknown as T;
}

async function insert(name: string, docs: object[]): Promise<void> {
  await (await world.db.store(name)).insertAsync(docs as never);
}

/**
 * Two more needs of the province's enterprise, 30 days back (t0):
 * - line-1 submitted t0, taken +1 d, turned into a challenge +3 d (drafted then), published +5 d,
 *   first claimed +8 d, won +20 d, and a transfer of it the enterprise confirmed +25 d (80 万元, 技术服务);
 * - line-2 submitted t0, taken +3 d, turned into a challenge +4 d, published +6 d, not claimed, with a
 *   transfer recorded but not confirmed.
 * And, not from any need: a confirmed 转让 of team B (30 万元) and a disputed one.
 */
async function writeLine() {
  const now = world.clock.now;
  const t0 = now - 30 * DAY_MS;
  const at = (days: number) => t0 + days * DAY_MS;
  const [need, challenge, claim, transfer] = await Promise.all([
    template<Need>('needs', DEMO.needSolicit),
    template<Challenge>('challenges', DEMO.challengeDone),
    template<Claim>('claims', `${DEMO.challengeDone}_${DEMO.teamB}`),
    template<Transfer>('transfers', DEMO.transfer),
  ]);
  const outcome = (challengeId: string, days: number) => ({ ...need.outcome, challengeId, at: at(days) }) as Need['outcome'];
  await insert('needs', [
    { ...need, _id: 'need-line-1', submittedAt: at(0), takenAt: at(1), outcome: outcome('challenge-line-1', 3) },
    { ...need, _id: 'need-line-2', submittedAt: at(0), takenAt: at(3), outcome: outcome('challenge-line-2', 4) },
  ]);
  await insert('challenges', [
    {
      ...challenge,
      _id: 'challenge-line-1',
      createdAt: at(3),
      publishedAt: at(5),
      status: 'completed',
      outcome: { ...challenge.outcome, at: at(20) },
    },
    { ...challenge, _id: 'challenge-line-2', createdAt: at(4), publishedAt: at(6), status: 'open', outcome: null },
  ]);
  await insert('claims', [{ ...claim, _id: 'challenge-line-1_team', challengeId: 'challenge-line-1', appliedAt: at(8) }]);
  const decided = (days: number) => ({ by: DEMO.issuer, at: at(days), reason: '', outsideTeam: true });
  await insert('transfers', [
    {
      ...transfer,
      _id: 'transfer-line-1',
      needId: 'need-line-1',
      challengeId: 'challenge-line-1',
      achievementId: null,
      kind: 'service',
      amount: 800_000,
      status: 'confirmed',
      decision: decided(25),
    },
    { ...transfer, _id: 'transfer-line-2', needId: 'need-line-2', challengeId: 'challenge-line-2', amount: 500_000 },
    {
      ...transfer,
      _id: 'transfer-b-assign',
      teamId: DEMO.teamB,
      leagueOrgId: 'org-league-zs',
      kind: 'assign',
      amount: 300_000,
      status: 'confirmed',
      decision: decided(26),
    },
    {
      ...transfer,
      _id: 'transfer-b-disputed',
      teamId: DEMO.teamB,
      leagueOrgId: 'org-league-zs',
      status: 'disputed',
      decision: decided(27),
    },
  ]);
}

describe('企业点单 → 成果转化 on the dashboard', () => {
  it('counts the demo world’s line: two needs received, one taken and turned into a 征榜 draft, a transfer waiting', async () => {
    await dispatch();
    const { needs, transfers } = (await dashboardOf('org-league-prov')).figures;
    // The draft is not received; the open need waits to be taken.
    expect(funnel({ needs } as Figures)).toEqual([
      ['received', 2],
      ['taken', 1],
      ['challenge', 1],
      ['claimed', 0],
      ['won', 0],
      ['transferred', 0],
    ]);
    // The 激光雷达 need: submitted 12 days ago, taken 10, turned into a challenge 6; its draft is not published.
    expect(spans({ needs } as Figures).slice(0, 3)).toEqual([
      ['waiting', 2, 1],
      ['handling', 4, 1],
      ['soliciting', null, 0],
    ]);
    expect(transfers).toMatchObject({ confirmed: { count: 0, amount: 0 }, pending: 1, disputed: 0 });
  });

  it('follows a need to its confirmed transfer, with the days of each span, and sums only confirmed contracts', async () => {
    await writeLine();
    await dispatch();
    const view = await dashboardOf('org-league-prov');
    const { figures } = view;
    expect(funnel(figures)).toEqual([
      ['received', 4],
      ['taken', 3],
      ['challenge', 3],
      ['claimed', 1],
      ['won', 1],
      ['transferred', 1],
    ]);
    // waiting 2, 1, 3 days; handling 4, 2, 1; 征榜 2 and 2; then line-1 alone: 3, 12, 5.
    expect(spans(figures)).toEqual([
      ['waiting', 2, 3],
      ['handling', 2.3, 3],
      ['soliciting', 2, 2],
      ['open', 3, 1],
      ['working', 12, 1],
      ['transferring', 5, 1],
    ]);
    // Confirmed: 80 万 (service, team A) + 30 万 (assign, team B, from no need). The pending 120 万 and
    // 50 万 and the disputed one are counted beside, never summed.
    expect(figures.transfers).toEqual({
      confirmed: { count: 2, amount: 1_100_000 },
      byKind: [
        { kind: 'assign', count: 1, amount: 300_000 },
        { kind: 'license', count: 0, amount: 0 },
        { kind: 'equity', count: 0, amount: 0 },
        { kind: 'service', count: 1, amount: 800_000 },
      ],
      pending: 2,
      disputed: 1,
    });
    // Contracts count under the team's org; needs under the org that serves the enterprise (the province).
    expect(row(view, 'org-league-hx').transfers).toMatchObject({ confirmed: { count: 1, amount: 800_000 }, pending: 2, disputed: 0 });
    expect(row(view, 'org-league-zs').transfers).toMatchObject({ confirmed: { count: 1, amount: 300_000 }, pending: 0, disputed: 1 });
    expect(row(view, 'org-league-hx').needs.funnel[0].count).toBe(0);
  });

  it('counts a transfer once the enterprise confirms it, and not while it waits', async () => {
    await writeLine();
    await (
      await world.db.store('transfers')
    ).updateAsync(
      { _id: 'transfer-line-2' },
      { $set: { status: 'confirmed', decision: { by: DEMO.issuer, at: world.clock.now, reason: '', outsideTeam: true } } },
    );
    await dispatch();
    const { figures } = await dashboardOf('org-league-prov');
    // line-2 is transferred now, though its challenge has no claim yet: each stage by its own mark.
    expect(figures.needs.funnel.find((step) => step.stage === 'transferred')?.count).toBe(2);
    expect(figures.transfers).toMatchObject({ confirmed: { count: 3, amount: 1_600_000 }, pending: 1 });
    // No span into 转化 for line-2: its challenge was not won.
    expect(figures.needs.spanDays.find((step) => step.span === 'transferring')).toMatchObject({ days: 5, passed: 1 });
  });

  it('reads a rollup written before the line existed as nothing yet, and rewrites it on the next run', async () => {
    await writeLine();
    await dispatch();
    const rollups = await world.db.store('rollups');
    await rollups.updateAsync({ _id: 'org-league-hx' }, { $unset: { 'figures.needs': true, 'figures.transfers': true } });
    const before = await dashboardOf('org-league-prov');
    expect(row(before, 'org-league-hx').transfers).toMatchObject({ confirmed: { count: 0, amount: 0 }, pending: 0 });
    expect(before.figures.transfers.confirmed).toEqual({ count: 1, amount: 300_000 });
    expect(before.figures.needs.funnel[0].count).toBe(4);

    world.clock.now += 2 * 60 * 60_000;
    await dispatch();
    const after = await dashboardOf('org-league-prov');
    expect(after.figures.transfers.confirmed).toEqual({ count: 2, amount: 1_100_000 });
  });
});

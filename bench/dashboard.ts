/**
 * 数据看板 at the size of a provincial deployment: 1,000 teams under 60 league orgs (three
 * levels), 2,000 challenges and 100,000 records (50,000 achievements, 25,000 claims, 25,000
 * letters) plus 200 notices with 10,000 receipts, every database call waiting 10 ms as a round
 * trip from a cloud function would. Measures (1) the rollup job that reads all of it, against
 * the share of dispatch's time it may take (ROLLUP_MS), and the dispatch run that carries it,
 * against the function's 60 s timeout; (2) the province's dashboard: its round trips one after
 * another (read budget) and its calls, the same as on the demo world. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { ACHIEVEMENT_TYPES } from '../core/achievement-rules';
import type { ChallengeStatus, ClaimStatus } from '../core/challenge-rules';
import { ROLLUP_MAX_AGE_MS } from '../core/cockpit-rules';
import { previousQuarter } from '../core/feedback-rules';
import { FIELDS } from '../core/fields';
import { DAY_MS } from '../core/time';
import type { Achievement, Challenge, Claim, Letter, Need, Notice, NoticeRead, Org, Team, Transfer } from '../core/types';
import type { Dashboard } from '../core/views';
import { DEMO } from '../devcloud/demo-ids';
import type { CallProfile, LocalDatabase } from '../devcloud/store';
import type { StoredDoc } from '../server/db/types';
import { refreshRollups, ROLLUP_JOB, ROLLUP_MS, type RollupRun } from '../server/handlers/cockpit/rollup-job';
import type { Ctx } from '../server/runtime/context';
import { makeWorld, type World } from '../test/helpers/world';

const LATENCY_MS = 10;
const DISPATCH_TIMEOUT_MS = 60_000;
const SIZE = {
  units: 20,
  branchesPerUnit: 2,
  teams: 1000,
  challenges: 2000,
  achievements: 50_000,
  claims: 25_000,
  letters: 25_000,
  needs: 5_000,
  transfers: 5_000,
};
/** Every third grown transfer is confirmed, each for 100,000 yuan: the sum the dashboard must show. */
const TRANSFER_YUAN = 100_000;
const NOTICES = { count: 200, receiptsEach: 50 };
const DASHBOARD_SAMPLES = 5;

async function insert(db: LocalDatabase, name: string, docs: object[]): Promise<void> {
  await (await db.store(name)).insertAsync(docs as StoredDoc[]);
}

async function template<T>(db: LocalDatabase, name: string, id: string): Promise<T> {
  const found = await (await db.store(name)).findOneAsync({ _id: id });
  if (!found) throw new Error(`dashboard bench: no ${name}/${id} to copy`);
  return found as unknown as T;
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

/** The demo world grown to SIZE: written straight into the store (not counted). */
async function grow(db: LocalDatabase, now: number): Promise<{ orgIds: string[] }> {
  const [province, teamA, race, claim, patent, letter, notice, need, transfer] = await Promise.all([
    template<Org>(db, 'orgs', 'org-league-prov'),
    template<Team>(db, 'teams', DEMO.teamA),
    template<Challenge>(db, 'challenges', DEMO.challengeRace),
    template<Claim>(db, 'claims', `${DEMO.challengeDone}_${DEMO.teamB}`),
    template<Achievement>(db, 'achievements', DEMO.achievementPatent),
    template<Letter>(db, 'letters', DEMO.letter),
    template<Notice>(db, 'notices', DEMO.notice),
    template<Need>(db, 'needs', DEMO.needSolicit),
    template<Transfer>(db, 'transfers', DEMO.transfer),
  ]);
  const orgs: Org[] = [];
  for (let u = 0; u < SIZE.units; u += 1) {
    const unitId = `org-league-unit-${u}`;
    orgs.push({ ...province, _id: unitId, name: `共青团某单位${u}委员会`, parentId: 'org-league-prov' });
    for (let b = 0; b < SIZE.branchesPerUnit; b += 1) {
      orgs.push({ ...province, _id: `${unitId}-${b}`, name: `某单位${u}第${b}团支部`, parentId: unitId });
    }
  }
  await insert(db, 'orgs', orgs);
  const orgIds = orgs.map((org) => org._id);

  const teamStatuses: Team['status'][] = [
    'registered',
    'registered',
    'registered',
    'registered',
    'registered',
    'registered',
    'pending',
    'rejected',
    'dissolved',
  ];
  await insert(
    db,
    'teams',
    Array.from({ length: SIZE.teams }, (_, t) => ({
      ...teamA,
      _id: `team-dash-${t}`,
      name: `第${t}青年突击队`,
      field: pick(FIELDS, t),
      leagueOrgId: pick(orgIds, t),
      inviteCode: `D${String(t).padStart(5, '0')}`,
      status: pick(teamStatuses, t),
      refreshedAt: now - (t % 180) * DAY_MS,
      // Reminded already: this dispatch run is about the rollups, not the refresh reminders.
      refreshNotifiedFor: now - (t % 180) * DAY_MS,
    })),
  );

  const challengeStatuses: ChallengeStatus[] = ['draft', 'open', 'in_progress', 'completed', 'failed', 'cancelled'];
  const challenges: Challenge[] = Array.from({ length: SIZE.challenges }, (_, c) => {
    const status = pick(challengeStatuses, c);
    const createdAt = now - (c % 700) * DAY_MS;
    const publishedAt = status === 'draft' ? null : createdAt + 2 * DAY_MS;
    const endedAt = createdAt + 200 * DAY_MS;
    return {
      ...race,
      _id: `challenge-dash-${c}`,
      leagueOrgId: c % 4 === 0 ? 'org-league-prov' : pick(orgIds, c),
      reviewerId: null,
      reviewerCode: '',
      status,
      createdAt,
      publishedAt,
      cancelled: status === 'cancelled' ? { by: DEMO.organizer, at: endedAt, reason: '需求变化' } : null,
      outcome:
        status === 'completed' || status === 'failed'
          ? { result: status === 'completed' ? 'success' : 'failed', by: DEMO.organizer, at: endedAt, summary: '结榜', winners: [] }
          : null,
    };
  });
  await insert(db, 'challenges', challenges);
  const claimStatuses: ClaimStatus[] = ['applied', 'accepted', 'rejected', 'withdrawn', 'stopped', 'won', 'completed', 'failed'];
  await insert(
    db,
    'claims',
    Array.from({ length: SIZE.claims }, (_, c) => {
      const challenge = challenges[c % SIZE.challenges];
      const appliedAt = (challenge.publishedAt ?? challenge.createdAt) + ((c % 30) + 1) * DAY_MS;
      return {
        ...claim,
        _id: `claim-dash-${c}`,
        challengeId: challenge._id,
        teamId: `team-dash-${c % SIZE.teams}`,
        status: pick(claimStatuses, c),
        appliedAt,
        review: { by: DEMO.organizer, at: appliedAt + 10 * DAY_MS, reason: '' },
      };
    }),
  );

  const achievementStatuses: Achievement['status'][] = [
    'confirmed',
    'confirmed',
    'confirmed',
    'confirmed',
    'confirmed',
    'confirmed',
    'confirmed',
    'submitted',
    'draft',
    'returned',
  ];
  await insert(
    db,
    'achievements',
    Array.from({ length: SIZE.achievements }, (_, a) => ({
      ...patent,
      _id: `ach-dash-${a}`,
      teamId: `team-dash-${a % SIZE.teams}`,
      leagueOrgId: pick(orgIds, a % SIZE.teams),
      type: pick(ACHIEVEMENT_TYPES, a),
      status: pick(achievementStatuses, a),
      featured: false,
      feature: null,
      confirmedAt: now - (a % 730) * DAY_MS,
    })),
  );

  const letterStatuses: Letter['status'][] = ['issued', 'opened', 'acknowledged', 'acknowledged', 'draft'];
  await insert(
    db,
    'letters',
    Array.from({ length: SIZE.letters }, (_, l) => {
      const status = pick(letterStatuses, l);
      const issuedAt = status === 'draft' ? null : now - (l % 60) * DAY_MS;
      return {
        ...letter,
        _id: `letter-dash-${l}`,
        refCode: status === 'draft' ? null : `D${String(l).padStart(9, '0')}`,
        requestId: `letter-dash-${l}`,
        teamId: `team-dash-${l % SIZE.teams}`,
        leagueOrgId: pick(orgIds, l % SIZE.teams),
        status,
        issuedAt,
        openedAt: status === 'issued' || issuedAt === null ? null : issuedAt + DAY_MS,
        // Reminded already, as dispatch does a week after issue (the reminders are not measured here).
        remindedAt: issuedAt,
      };
    }),
  );

  const needStatuses: Need['status'][] = ['submitted', 'taken', 'challenge', 'recommended', 'declined', 'withdrawn', 'draft'];
  await insert(
    db,
    'needs',
    Array.from({ length: SIZE.needs }, (_, n) => ({
      ...need,
      _id: `need-dash-${n}`,
      requestId: `need-dash-${n}`,
      leagueOrgId: pick(orgIds, n),
      status: pick(needStatuses, n),
      submittedAt: now - (n % 300) * DAY_MS,
      takenAt: n % 7 === 0 ? null : now - (n % 300) * DAY_MS + DAY_MS,
    })),
  );
  const transferStatuses: Transfer['status'][] = ['confirmed', 'pending', 'disputed'];
  await insert(
    db,
    'transfers',
    Array.from({ length: SIZE.transfers }, (_, t) => {
      const status = pick(transferStatuses, t);
      return {
        ...transfer,
        _id: `transfer-dash-${t}`,
        requestId: `transfer-dash-${t}`,
        contractNo: `2026-DASH-${t}`,
        teamId: `team-dash-${t % SIZE.teams}`,
        leagueOrgId: pick(orgIds, t % SIZE.teams),
        amount: TRANSFER_YUAN,
        status,
        decision: status === 'pending' ? null : { by: DEMO.issuer, at: now - DAY_MS, reason: '', outsideTeam: true as const },
      };
    }),
  );

  const notices = Array.from({ length: NOTICES.count }, (_, n) => ({
    ...notice,
    _id: `notice-dash-${n}`,
    requestId: `notice-dash-${n}`,
    leagueOrgId: n % 2 ? pick(orgIds, n) : 'org-league-prov',
    requireAck: n % 2 === 0,
    recipientCount: NOTICES.receiptsEach,
  }));
  await insert(db, 'notices', notices);
  const receipts: NoticeRead[] = notices.flatMap((one, n) =>
    Array.from({ length: NOTICES.receiptsEach }, (_, r) => ({
      _id: `${one._id}_user-dash-${r}`,
      noticeId: one._id,
      userId: `user-dash-${r}`,
      teamId: `team-dash-${(n * NOTICES.receiptsEach + r) % SIZE.teams}`,
      readAt: r % 2 ? now : null,
      ackAt: r % 2 ? now : null,
      createdAt: now,
    })),
  );
  await insert(db, 'noticeReads', receipts);
  return { orgIds };
}

type Timed<T> = { result: T; profile: CallProfile; ms: number };

async function timed<T>(world: World, run: () => Promise<T>): Promise<Timed<T>> {
  world.db.latencyMs = LATENCY_MS;
  const started = performance.now();
  const { result, profile } = await world.db.profile(run);
  const ms = performance.now() - started;
  world.db.latencyMs = 0;
  return { result, profile, ms: Math.round(ms) };
}

const ctxOf = (world: World): Ctx => ({
  db: world.db,
  openid: '',
  openapi: world.cloud.openapi,
  storage: world.cloud.storage,
  now: () => world.clock.now,
});

async function dashboardCall(world: World): Promise<Timed<Dashboard>> {
  const call = await timed(world, () => world.raw('cockpit', DEMO.organizer, { action: 'dashboard', orgId: 'org-league-prov' }));
  if (!call.result.ok) throw new Error(`dashboard failed: ${JSON.stringify(call.result)}`);
  return { ...call, result: call.result.data as Dashboard };
}

async function main() {
  const demo = await makeWorld();
  await demo.raw('dispatch', '', { action: 'run' });
  const demoDashboard = await dashboardCall(demo);

  const world = await makeWorld();
  await grow(world.db, world.clock.now);
  // Only the rollups are measured here: the quarter's letter drafts are marked done (the fan-out bench measures them).
  await insert(world.db, 'jobs', [
    { _id: `quarterlyDrafts_${previousQuarter(world.clock.now).key}`, cursor: '', done: true, at: world.clock.now },
  ]);

  const job = await timed<RollupRun>(world, () => refreshRollups(ctxOf(world)));
  world.clock.now += ROLLUP_MAX_AGE_MS + 60_000;
  const dispatch = await timed(world, () => world.raw('dispatch', '', { action: 'run' }));
  if (!dispatch.result.ok) throw new Error(`dispatch failed: ${JSON.stringify(dispatch.result)}`);
  const rollupJob = (await world.db.collection('jobs').doc(ROLLUP_JOB).get()).data as unknown as { at: number; done: boolean };

  const samples: Timed<Dashboard>[] = [];
  for (let i = 0; i < DASHBOARD_SAMPLES; i += 1) samples.push(await dashboardCall(world));
  const last = samples[samples.length - 1];
  const { figures } = last.result;
  const teamsShown = Object.values(figures.teams.byStatus).reduce((sum, count) => sum + count, 0);

  console.log(
    JSON.stringify({
      latencyMs: LATENCY_MS,
      teams: SIZE.teams,
      orgs: SIZE.units * (1 + SIZE.branchesPerUnit),
      records: {
        achievements: SIZE.achievements,
        claims: SIZE.claims,
        letters: SIZE.letters,
        needs: SIZE.needs,
        transfers: SIZE.transfers,
        receipts: NOTICES.count * NOTICES.receiptsEach,
      },
      job: {
        ms: job.ms,
        budgetMs: ROLLUP_MS,
        calls: job.profile.calls,
        depth: job.profile.depth,
        transactions: job.profile.transactions,
        run: job.result,
      },
      dispatch: {
        ms: dispatch.ms,
        timeoutMs: DISPATCH_TIMEOUT_MS,
        calls: dispatch.profile.calls,
        // The run recomputed the rollups (an hour after the first job run).
        carriedRollups: rollupJob.done && rollupJob.at === world.clock.now,
      },
      dashboard: {
        demo: { calls: demoDashboard.profile.calls, depth: demoDashboard.profile.depth },
        large: {
          calls: last.profile.calls,
          depth: Math.max(...samples.map((one) => one.profile.depth)),
          maxMs: Math.max(...samples.map((one) => one.ms)),
        },
        subOrgs: last.result.subOrgs.length,
        // Every team of the grown world and the demo's three are in the province's figures.
        teamsShown,
        teamsExpected: SIZE.teams + 3,
        confirmedShown: figures.achievements.confirmed,
        // The grown confirmed transfers, plus none of the demo's (its one transfer waits for the enterprise).
        transferYuanShown: figures.transfers.confirmed.amount,
        transferYuanExpected: Math.ceil(SIZE.transfers / 3) * TRANSFER_YUAN,
        needsReceivedShown: figures.needs.funnel[0]?.count ?? 0,
      },
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

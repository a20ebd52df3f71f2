/**
 * The fan-outs at the size of a provincial deployment, every database call waiting 10 ms as a
 * round trip from a cloud function would: (1) a notice from the provincial league org to every
 * member of every team under it (≥ 5,000 people), publish and then the dispatch runs that finish
 * it; (2) the quarterly letter drafts over 500 teams. Each single invocation must finish inside
 * its function's timeout (notice 20 s, dispatch 60 s). Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { previousQuarter } from '../../core/feedback-rules';
import { NOTICE_FANOUT_BATCH } from '../../core/notice-rules';
import type { CallProfile } from '../../devcloud/store';
import { DEMO } from '../../devcloud/demo-ids';
import { makeWorld, type World } from '../../test/helpers/world';
import { growLargeWorld, LARGE } from './large-world';

const LATENCY_MS = 10;
const TIMEOUT_MS = { notice: 20_000, dispatch: 60_000 };
/** Dispatch takes over a stalled fan-out after a minute; its timer runs every minute. */
const MINUTE = 60_000;
const MAX_DISPATCH_RUNS = 20;

export type Invocation = { fn: 'notice' | 'dispatch'; ms: number; calls: number; transactions: number; withinTimeout: boolean };
export type FanoutFigures = {
  latencyMs: number;
  notice: {
    recipients: number;
    batches: number;
    calls: number;
    msPerBatch: number;
    totalMs: number;
    dispatchRuns: number;
    /** Recipients with a receipt once the publish call returned. */
    writtenByPublish: number;
    invocations: Invocation[];
    complete: boolean;
  };
  quarterly: {
    teams: number;
    drafts: number;
    pages: number;
    calls: number;
    msPerPage: number;
    totalMs: number;
    dispatchRuns: number;
    invocations: Invocation[];
    complete: boolean;
  };
  ok: boolean;
};

async function largeWorld(): Promise<World> {
  const world = await makeWorld();
  await growLargeWorld(world.db, world.clock.now);
  return world;
}

async function timed(world: World, fn: Invocation['fn'], run: () => Promise<{ ok: boolean }>): Promise<Invocation> {
  world.db.latencyMs = LATENCY_MS;
  const started = performance.now();
  const { result, profile }: { result: { ok: boolean; message?: string }; profile: CallProfile } = await world.db.profile(run);
  const ms = performance.now() - started;
  world.db.latencyMs = 0;
  if (!result.ok) throw new Error(`${fn} failed: ${JSON.stringify(result)}`);
  return { fn, ms: Math.round(ms), calls: profile.calls, transactions: profile.transactions, withinTimeout: ms < TIMEOUT_MS[fn] };
}

const dispatch = (world: World) => timed(world, 'dispatch', () => world.raw('dispatch', '', { action: 'run' }));

async function count(world: World, collection: string, where: object): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total;
}

const total = (invocations: Invocation[], key: 'ms' | 'calls') => invocations.reduce((sum, one) => sum + one[key], 0);

async function noticeFanout(): Promise<FanoutFigures['notice']> {
  const world = await largeWorld();
  // This part measures the notice alone: the quarter's drafts are marked done (part 2 measures them).
  const quarterJob = `quarterlyDrafts_${previousQuarter(world.clock.now).key}`;
  await (await world.db.store('jobs')).insertAsync({ _id: quarterJob, cursor: '', done: true, at: world.clock.now });
  const noticeId = 'nt-bench-fanout-0001';
  const invocations = [
    await timed(world, 'notice', () =>
      world.raw('notice', DEMO.organizer, {
        action: 'publish',
        leagueOrgId: 'org-league-prov',
        title: '关于报送季度进展的通知',
        body: '请各突击队成员于月底前在小程序中更新本季度的进展记录。',
        audience: 'allTeams',
        requireAck: true,
        requestId: 'bench-fanout-0001',
      }),
    ),
  ];
  const writtenByPublish = await count(world, 'noticeReads', { noticeId });
  const done = async () => (await world.db.collection('notices').doc(noticeId).get()).data.fanout === 'done';
  while (!(await done()) && invocations.length <= MAX_DISPATCH_RUNS) {
    world.clock.now += MINUTE + 1000;
    invocations.push(await dispatch(world));
  }
  const recipients = await count(world, 'noticeReads', { noticeId });
  const batches = Math.ceil(recipients / NOTICE_FANOUT_BATCH);
  const totalMs = total(invocations, 'ms');
  return {
    recipients,
    batches,
    calls: total(invocations, 'calls'),
    msPerBatch: Math.round(totalMs / Math.max(1, batches)),
    totalMs,
    dispatchRuns: invocations.length - 1,
    writtenByPublish,
    invocations,
    complete: await done(),
  };
}

async function quarterlyDrafts(): Promise<FanoutFigures['quarterly']> {
  const world = await largeWorld();
  // The first dispatch of 2027 drafts 2026Q4's letters.
  world.clock.now = Date.UTC(2027, 0, 2, 2, 0);
  const quarter = previousQuarter(world.clock.now).key;
  const teams = await count(world, 'teams', { status: 'registered' });
  const jobDone = async () => (await count(world, 'jobs', { _id: `quarterlyDrafts_${quarter}`, done: true })) > 0;
  const invocations: Invocation[] = [];
  while (!(await jobDone()) && invocations.length < MAX_DISPATCH_RUNS) {
    invocations.push(await dispatch(world));
    world.clock.now += MINUTE;
  }
  // Teams are read a hundred at a time; the page that comes back short ends the job.
  const pages = Math.floor(teams / 100) + 1;
  const totalMs = total(invocations, 'ms');
  return {
    teams,
    drafts: await count(world, 'letters', { status: 'draft', quarter }),
    pages,
    calls: total(invocations, 'calls'),
    msPerPage: Math.round(totalMs / pages),
    totalMs,
    dispatchRuns: invocations.length,
    invocations,
    complete: await jobDone(),
  };
}

async function main() {
  const notice = await noticeFanout();
  const quarterly = await quarterlyDrafts();
  const ok =
    notice.complete &&
    quarterly.complete &&
    notice.recipients >= LARGE.teams * LARGE.membersPerTeam &&
    [...notice.invocations, ...quarterly.invocations].every((one) => one.withinTimeout);
  const figures: FanoutFigures = { latencyMs: LATENCY_MS, notice, quarterly, ok };
  console.log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

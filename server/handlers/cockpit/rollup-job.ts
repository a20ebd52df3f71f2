/**
 * Dispatch keeps the dashboards' rollups at most ROLLUP_MAX_AGE_MS old: one document per league
 * org with that org's own figures (dashboards add up a subtree's). A run reads every record that
 * feeds a figure (rollup-read.ts), counts per org (rollup-tally.ts) and writes only the rollups
 * whose figures changed, then records when the figures were read in the job `rollups`: that time
 * is what a dashboard shows as 统计截至 (an unchanged rollup is as current as a rewritten one).
 * One run at a time, under a lease as the notice fan-out holds one. A run that passes its
 * deadline while reading writes nothing and leaves the job to the next run.
 *
 * Derived figures are not audited: they change no record anyone acted on.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ROLLUP_MAX_AGE_MS } from '../../../core/cockpit-rules';
import type { Rollup } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import type { Ctx } from '../../runtime/context';
import { emptyFigures, sameFigures } from './figures';
import { storedRollups, tallyAll } from './rollup-read';

/** Real time a dispatch run may spend reading for the rollups (measured by the dashboard bench). */
export const ROLLUP_MS = 15_000;
/** When the figures were last read in full (`at`); `done` once a run has finished. */
export const ROLLUP_JOB = 'rollups';
const LEASE_JOB = 'rollupsLease';
/** Longer than dispatch's 60 s timeout, so two runs never write at once. */
const LEASE_MS = 2 * 60_000;
const ROLLUPS_PER_TX = 50;

export type RollupRun = { written: number } | { skipped: 'fresh' | 'held' | 'deadline' | 'lost' };

function takeLease(ctx: Ctx): Promise<string | null> {
  const now = ctx.now();
  const token = randomBytes(8).toString('hex');
  return ctx.db.runTransaction(async (tx) => {
    const lease = await txFind(tx, 'jobs', LEASE_JOB);
    if (lease && lease.at > now) return null;
    await txSet(tx, 'jobs', { _id: LEASE_JOB, cursor: token, done: false, at: now + LEASE_MS });
    return token;
  });
}

/** Inside each write: this run still holds the lease (writing it makes overlapping runs conflict). */
async function holds(ctx: Ctx, tx: Transaction, token: string, release: boolean): Promise<boolean> {
  const lease = await txFind(tx, 'jobs', LEASE_JOB);
  if (lease?.cursor !== token) return false;
  await txUpdate(tx, 'jobs', LEASE_JOB, { at: release ? 0 : ctx.now() + LEASE_MS });
  return true;
}

async function release(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.runTransaction((tx) => holds(ctx, tx, token, true));
}

/** The rollups whose figures differ from what is stored (an org with no figures and no rollup needs none). */
function changedRollups(counted: Map<string, Rollup['figures']>, stored: Map<string, Rollup>, now: number): Rollup[] {
  const empty = emptyFigures();
  const orgIds = new Set([...counted.keys(), ...stored.keys()]);
  return [...orgIds].sort().flatMap((orgId) => {
    const figures = counted.get(orgId) ?? empty;
    const before = stored.get(orgId);
    if (before ? sameFigures(before.figures, figures) : sameFigures(empty, figures)) return [];
    return [{ _id: orgId, orgId, figures, computedAt: now }];
  });
}

/**
 * How old the rollups may get: ROLLUP_MAX_AGE_MS, or the dispatch function's environment variable
 * ROLLUP_INTERVAL_MINUTES (a large environment may want longer; the local host's tests use 0).
 */
export function rollupMaxAgeMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.ROLLUP_INTERVAL_MINUTES);
  return env.ROLLUP_INTERVAL_MINUTES !== undefined && Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : ROLLUP_MAX_AGE_MS;
}

/** Recomputes the rollups when they are older than rollupMaxAgeMs(). */
export async function refreshRollups(ctx: Ctx, until = performance.now() + ROLLUP_MS): Promise<RollupRun> {
  const now = ctx.now();
  const job = await findById(ctx.db, 'jobs', ROLLUP_JOB);
  if (job?.done && now - job.at < rollupMaxAgeMs()) return { skipped: 'fresh' };
  const token = await takeLease(ctx);
  if (!token) return { skipped: 'held' };
  const [tally, stored] = await Promise.all([tallyAll(ctx, now, until), storedRollups(ctx)]);
  if (!tally) {
    await release(ctx, token);
    return { skipped: 'deadline' };
  }
  const changed = changedRollups(tally.finish(), stored, now);
  let written = 0;
  let start = 0;
  do {
    const chunk = changed.slice(start, start + ROLLUPS_PER_TX);
    const last = start + ROLLUPS_PER_TX >= changed.length;
    const wrote = await ctx.db.runTransaction(async (tx) => {
      if (!(await holds(ctx, tx, token, last))) return false;
      for (const rollup of chunk) await txSet(tx, 'rollups', rollup);
      if (last) await txSet(tx, 'jobs', { _id: ROLLUP_JOB, cursor: '', done: true, at: now });
      return true;
    });
    // Another run took the lease (this one outlived it): it writes the figures instead.
    if (!wrote) return { skipped: 'lost' };
    written += chunk.length;
    start += ROLLUPS_PER_TX;
  } while (start < changed.length);
  return { written };
}

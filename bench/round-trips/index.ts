/**
 * Round trips per client action on a simulated CloudBase: every database call waits
 * `LATENCY_MS`, as a network round trip from a cloud function would. For each action, in the
 * demo world and the large one: calls, calls that change data, the sequential depth (critical
 * path), the depth outside transactions, transactions, and p95 of the whole call. Reads run
 * several times on one world; a write runs on a fresh world each time (its prepare step, e.g.
 * accepting a claim before reviewing its gate, is not measured). Prints one JSON line, or with
 * TABLE=1 a table checked against bench/budgets.json (calls/depth/outside-transaction/transactions).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CallProfile } from '../../devcloud/store';
import { makeWorld, type World } from '../../test/helpers/world';
import { overBudget, type CheckedRow, type Measured, type Row, type RoundTripBudget } from './budget';
import { growLargeWorld, LARGE } from './large-world';
import { scenarios, type Scenario } from './scenarios';

const LATENCY_MS = 10;
const READ_SAMPLES = 5;
const WRITE_SAMPLES = { demo: 3, large: 1 };

type WorldName = 'demo' | 'large';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function freshWorld(name: WorldName): Promise<World> {
  const world = await makeWorld();
  if (name === 'large') await growLargeWorld(world.db, world.clock.now);
  return world;
}

async function sample(world: World, scenario: Scenario): Promise<{ profile: CallProfile; ms: number; failure?: string }> {
  world.db.latencyMs = 0;
  const input = await scenario.input(world);
  world.db.latencyMs = LATENCY_MS;
  const started = performance.now();
  const { result, profile } = await world.db.profile(() => world.raw(scenario.fn, scenario.openid, { action: scenario.action, ...input }));
  const ms = performance.now() - started;
  world.db.latencyMs = 0;
  return { profile, ms, failure: result.ok ? undefined : `${result.code} ${result.message}` };
}

async function measure(name: WorldName, scenario: Scenario, kind: 'read' | 'write', shared: World): Promise<Measured> {
  const runs: Awaited<ReturnType<typeof sample>>[] = [];
  const count = kind === 'read' ? READ_SAMPLES : WRITE_SAMPLES[name];
  for (let i = 0; i < count; i += 1) runs.push(await sample(kind === 'read' ? shared : await freshWorld(name), scenario));
  const last = runs[runs.length - 1];
  const failure = runs.find((run) => run.failure)?.failure;
  return {
    ...last.profile,
    p95Ms: percentile(
      runs.map((run) => run.ms),
      95,
    ),
    samples: runs.length,
    ok: !failure,
    failure,
  };
}

const cell = (m: Measured) => `${m.calls}/${m.depth}/${m.outsideTx}/${m.transactions} ${m.p95Ms.toFixed(0)}ms`;

function tableLine(row: CheckedRow): string {
  const mark = row.problems.length ? '✗' : '✓';
  return `${mark} ${row.action.padEnd(30)} ${row.kind.padEnd(6)} ${cell(row.demo).padEnd(22)} ${cell(row.large).padEnd(22)} ${row.problems.join('；')}`;
}

async function main() {
  const rows: Row[] = [];
  const demo = await freshWorld('demo');
  const large = await freshWorld('large');
  // ONLY=team,challenge.claim measures just those functions or actions (for working on one domain).
  const only = (process.env.ONLY ?? '').split(',').filter(Boolean);
  const chosen = scenarios().filter(
    (scenario) => !only.length || only.includes(scenario.fn) || only.includes(`${scenario.fn}.${scenario.action}`),
  );
  for (const scenario of chosen) {
    // Whether it writes is seen on a fresh demo world; reads then share one world per size.
    const probe = await sample(await freshWorld('demo'), scenario);
    const kind = probe.profile.writes > 0 ? 'write' : 'read';
    rows.push({
      action: scenario.label ?? `${scenario.fn}.${scenario.action}`,
      kind,
      demo: await measure('demo', scenario, kind, demo),
      large: await measure('large', scenario, kind, large),
    });
  }
  const budget = (JSON.parse(readFileSync(path.join(__dirname, '../bench/budgets.json'), 'utf8')) as { roundTrips: RoundTripBudget })
    .roundTrips;
  const checked: CheckedRow[] = rows.map((row) => ({ ...row, problems: overBudget(row, budget) }));
  if (process.env.TABLE) {
    for (const row of checked) console.log(tableLine(row));
    return;
  }
  console.log(JSON.stringify({ latencyMs: LATENCY_MS, large: LARGE, rows: checked }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

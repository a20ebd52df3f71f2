/**
 * 导出 Excel at its cap: 10,000 rows of the largest tables — 队伍与成员 (1,000 teams with ten
 * members each: a 1,000-row 队伍 sheet and a 10,000-row 成员 sheet) and 已确认的成果 (10,000) —
 * exported from one org in the large world of the round-trip bench, every database call waiting
 * 10 ms as a cloud round trip would. Each is measured against the cockpit function's 60 s timeout
 * and CloudBase's default 256 MB: time, and memory above what was in use before the call (rss and
 * heapUsed, sampled while it runs; each table in a process of its own). Bundle and run it
 * standalone (one JSON line):
 *   node -e "import('./scripts/esbuild-local.mjs').then((m) => m.bundleLocal('bench/export.ts', '.build/bench-export.cjs'))"
 *   node --expose-gc .build/bench-export.cjs
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { EXPORT_MAX_ROWS, type ExportTable } from '../core/cockpit-rules';
import type { Achievement, Member, Org, Team, User } from '../core/types';
import { DEMO } from '../devcloud/demo-ids';
import { makeWorld, type World } from '../test/helpers/world';
import { growLargeWorld } from './round-trips/large-world';

const ORG = 'org-league-bench-export';
const TEAMS = 1000;
const MEMBERS_PER_TEAM = EXPORT_MAX_ROWS / TEAMS;
const LATENCY_MS = 10;
const LIMITS = { timeoutMs: 60_000, memoryMB: 256 };
const TABLES: ExportTable[] = ['teams', 'achievements'];

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

async function insert(world: World, name: string, docs: object[]): Promise<void> {
  await (await world.db.store(name)).insertAsync(docs as never);
}

async function template<T>(world: World, name: string, id: string): Promise<T> {
  return (await world.db.collection(name).doc(id).get()).data as unknown as T;
}

/** One unit league org under the province with 1,000 teams of ten and 10,000 confirmed achievements. */
async function growExportOrg(world: World): Promise<void> {
  const now = world.clock.now;
  const [teamA, memberA, userA, patent, province] = await Promise.all([
    template<Team>(world, 'teams', DEMO.teamA),
    template<Member>(world, 'members', `${DEMO.teamA}_${DEMO.memberA}`),
    template<User>(world, 'users', DEMO.memberA),
    template<Achievement>(world, 'achievements', DEMO.achievementPatent),
    template<Org>(world, 'orgs', 'org-league-prov'),
  ]);
  await insert(world, 'orgs', [{ ...province, _id: ORG, name: '导出压测单位团委', parentId: 'org-league-prov' }]);
  const teams: Team[] = [];
  const members: Member[] = [];
  const users: User[] = [];
  for (let t = 0; t < TEAMS; t += 1) {
    const teamId = `team-export-${t}`;
    for (let m = 0; m < MEMBERS_PER_TEAM; m += 1) {
      const userId = `user-export-${t}-${m}`;
      users.push({ ...userA, _id: userId, realName: `导出成员${t}-${m}`, phone: `139${String(t * 10 + m).padStart(8, '0')}`, roles: [] });
      members.push({
        ...memberA,
        _id: `${teamId}_${userId}`,
        teamId,
        userId,
        role: m === 0 ? 'leader' : 'member',
        joinedAt: now - m * 86_400_000,
      });
    }
    teams.push({
      ...teamA,
      _id: teamId,
      name: `导出压测第${t}青年突击队`,
      leagueOrgId: ORG,
      leaderId: `user-export-${t}-0`,
      applicantId: `user-export-${t}-0`,
      inviteCode: `E${String(t).padStart(5, '0')}`,
      memberCount: MEMBERS_PER_TEAM,
    });
  }
  const achievements: Achievement[] = Array.from({ length: EXPORT_MAX_ROWS }, (_, a) => ({
    ...patent,
    _id: `ach-export-${a}`,
    teamId: `team-export-${a % TEAMS}`,
    teamName: `导出压测第${a % TEAMS}青年突击队`,
    leagueOrgId: ORG,
    title: `导出压测成果 ${a}`,
    featured: false,
    feature: null,
    contributorIds: [`user-export-${a % TEAMS}-0`, `user-export-${a % TEAMS}-1`],
    confirmation: { by: DEMO.organizer, at: now - a * 3_600_000 },
    confirmedAt: now - a * 3_600_000,
    submittedAt: now - a * 3_600_000 - 86_400_000,
  }));
  await insert(world, 'users', users);
  await insert(world, 'teams', teams);
  await insert(world, 'members', members);
  await insert(world, 'achievements', achievements);
}

type Measured = {
  table: ExportTable;
  rows: number;
  bytes: number;
  ms: number;
  rssMB: number;
  heapUsedMB: number;
  calls: number;
  depth: number;
};

/** One export, timed, with the most memory it held above the level before it. */
async function measure(world: World, table: ExportTable): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const sampler = setInterval(sample, 2);
  const started = performance.now();
  const { result, profile } = await world.db.profile(() => world.raw('cockpit', DEMO.organizer, { action: 'export', orgId: ORG, table }));
  const ms = performance.now() - started;
  sample();
  clearInterval(sampler);
  if (!result.ok) throw new Error(`export ${table} failed: ${result.code} ${result.message}`);
  const file = result.data as { fileId: string; rows: number };
  world.db.latencyMs = 0;
  const bytes = (await world.cloud.storage.read(file.fileId)).length;
  world.db.latencyMs = LATENCY_MS;
  return {
    table,
    rows: file.rows,
    bytes,
    ms: Math.round(ms),
    rssMB: mb(peak.rss - before.rss),
    heapUsedMB: mb(peak.heapUsed - before.heapUsed),
    calls: profile.calls,
    depth: profile.depth,
  };
}

/** One table in this process: the world built, then the export measured (printed as a JSON line). */
async function measureHere(table: ExportTable): Promise<void> {
  const world = await makeWorld();
  await growLargeWorld(world.db, world.clock.now);
  await growExportOrg(world);
  world.db.latencyMs = LATENCY_MS;
  console.log(JSON.stringify(await measure(world, table)));
}

/** Each table in a process of its own, so one export's memory does not hide the next one's. */
function measureApart(table: ExportTable): Measured {
  const output = execFileSync(process.execPath, [...process.execArgv, __filename, table], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split('\n').pop() as string) as Measured;
}

async function main() {
  const only = process.argv[2] as ExportTable | undefined;
  if (only) return measureHere(only);
  const results = TABLES.map(measureApart);
  const within = results.every((one) => one.ms < LIMITS.timeoutMs && one.rssMB < LIMITS.memoryMB);
  console.log(JSON.stringify({ latencyMs: LATENCY_MS, limits: LIMITS, results, within }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

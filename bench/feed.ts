/**
 * The 动态 feed with 100,000 confirmed achievements on the local host over HTTP: the first page
 * and the 50th page (reached by following cursors), each under 10 concurrent readers. Cursor
 * paging keeps the 50th page as fast as the first. Bundled by bench/run.mjs; prints one JSON line.
 */
import { FIELDS } from '../core/fields';
import type { Achievement } from '../core/types';
import { DEMO } from '../devcloud/seed';
import { percentile, startBenchHost } from './http';

const ACHIEVEMENTS = 100_000;
const READERS = 10;
const ROUNDS = 10;
const TARGET_PAGE = 50;
const TYPES = ['patent', 'paper', 'standard', 'software', 'product', 'transfer', 'award', 'other'] as const;

async function main() {
  const { host, call, close } = await startBenchHost('feed');
  const now = Date.now();
  const docs: Achievement[] = Array.from({ length: ACHIEVEMENTS }, (_, i) => ({
    _id: `bench-ach-${String(i).padStart(6, '0')}`,
    teamId: `bench-team-${i % 500}`,
    teamName: `压测突击队 ${i % 500}`,
    leagueOrgId: 'org-league-hx',
    field: FIELDS[i % FIELDS.length],
    authorId: DEMO.leaderA,
    type: TYPES[i % TYPES.length],
    title: `压测成果 ${i}`,
    summary: '用于测量动态分页的成果简介。',
    evidence: { kind: 'none', ref: '' },
    images: [],
    attachments: [],
    contributorIds: [DEMO.leaderA],
    claimId: null,
    challengeId: null,
    status: 'confirmed',
    contentFlag: null,
    requestId: `bench-ach-${i}`,
    createdAt: now - i * 60_000,
    updatedAt: now - i * 60_000,
    submittedAt: now - i * 60_000,
    confirmation: { by: DEMO.organizer, at: now - i * 60_000 },
    confirmedAt: now - i * 60_000,
    returned: null,
    revised: false,
    versions: [],
    featured: i < 3,
    feature: i < 3 ? { by: DEMO.organizer, at: now, note: '压测典型案例' } : null,
  }));
  await (await host.cloud.db.store('achievements')).insertAsync(docs);

  async function measure(cursor: string | null) {
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: READERS }, async () => {
        for (let round = 0; round < ROUNDS; round += 1) {
          const { answer, ms } = await call(DEMO.newcomer, 'achievement', { action: 'feed', cursor });
          if (!answer.ok) throw new Error(`feed failed: ${JSON.stringify(answer)}`);
          samples.push(ms);
        }
      }),
    );
    return samples;
  }

  let cursor: string | null = null;
  const seen = new Set<string>();
  for (let page = 1; page < TARGET_PAGE; page += 1) {
    const { answer } = await call(DEMO.newcomer, 'achievement', { action: 'feed', cursor });
    const data = answer.data as { items: { id: string }[]; nextCursor: string | null };
    for (const item of data.items) seen.add(item.id);
    cursor = data.nextCursor;
  }
  const first = await measure(null);
  const fiftieth = await measure(cursor);
  await close();
  console.log(
    JSON.stringify({
      achievements: ACHIEVEMENTS,
      requests: first.length + fiftieth.length,
      distinctBeforePage50: seen.size,
      firstP50Ms: percentile(first, 50),
      firstP95Ms: percentile(first, 95),
      page50P50Ms: percentile(fiftieth, 50),
      page50P95Ms: percentile(fiftieth, 95),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The 揭榜挂帅 figures on the local host over HTTP: board queries with 10,000 challenges under
 * every filter the board offers, and a burst of 200 teams claiming one 3-place race at once,
 * followed by 200 simultaneous accepts. Bundled by bench/run.mjs; prints one JSON line.
 */
import { BOARD_ACTIVE, BOARD_CLOSED } from '../core/challenge-rules';
import { FIELDS } from '../core/fields';
import { DAY_MS, shanghaiDay } from '../core/time';
import { DEMO } from '../devcloud/seed';
import { percentile, startBenchHost } from './http';
import { seedRaceTeams } from '../devcloud/seed-race';

const CHALLENGES = 10_000;
const BOARD_CALLERS = 10;
const BOARD_ROUNDS = 20;
const TEAMS = 200;
const PLACES = 3;

async function main() {
  const { host, call, close } = await startBenchHost('board');

  const now = Date.now();
  const statuses = [...BOARD_ACTIVE, ...BOARD_CLOSED];
  const challenges = await host.cloud.db.store('challenges');
  await challenges.insertAsync(
    Array.from({ length: CHALLENGES }, (_, i) => ({
      _id: `bench-challenge-${i}`,
      title: `攻关榜单 ${i} 号：${FIELDS[i % FIELDS.length]}关键技术`,
      field: FIELDS[i % FIELDS.length],
      leagueOrgId: 'org-league-prov',
      issuer: { unitName: `出题单位 ${i % 300}`, contactName: '联系人', contactPhone: '' },
      reviewerId: null,
      reviewerCode: `B${String(i).padStart(7, '0')}`,
      background: '需求背景',
      targets: [{ indicator: '指标', value: '1', unit: '' }],
      deliverables: '交付成果',
      claimDeadline: now + ((i % 365) - 100) * DAY_MS,
      deliveryDeadline: now + 400 * DAY_MS,
      mode: i % 2 ? 'race' : 'single',
      maxTeams: i % 2 ? 3 : 1,
      reward: '',
      status: statuses[i % statuses.length],
      claimCount: i % 7,
      acceptedCount: 0,
      createdBy: DEMO.organizer,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      changes: [],
      cancelled: null,
      outcome: null,
    })),
  );

  const queries = [
    { status: 'active' },
    { status: 'closed' },
    { status: 'active', field: '人工智能' },
    { status: 'all', mode: 'race' },
    { status: 'active', field: '集成电路', mode: 'single' },
    { status: 'all', keyword: '出题单位 42' },
  ];
  const boardSamples: number[] = [];
  let firstPage: unknown = null;
  await Promise.all(
    Array.from({ length: BOARD_CALLERS }, async (_, caller) => {
      for (let round = 0; round < BOARD_ROUNDS; round += 1) {
        const query = queries[(caller + round) % queries.length];
        const { answer, ms } = await call(DEMO.newcomer, 'challenge', { action: 'board', ...query });
        if (!answer.ok) throw new Error(`board failed: ${JSON.stringify(answer)}`);
        firstPage ??= answer.data;
        boardSamples.push(ms);
      }
    }),
  );
  const firstCount = (firstPage as { items: unknown[] }).items.length;

  // 200 registered teams, each with its leader, claim one race with 3 places at once.
  const day = (days: number) => shanghaiDay(now + days * DAY_MS);
  const teams = await seedRaceTeams(host.cloud.db, TEAMS, now, 'bench');
  const created = await call(DEMO.organizer, 'challenge', {
    action: 'create',
    title: '并发揭榜压测榜单',
    field: '集成电路',
    issuerUnit: '压测出题单位',
    issuerContact: '压测联系人',
    background: '用于测量 200 支队伍同时揭榜。',
    targets: [{ indicator: '名额', value: String(PLACES), unit: '队' }],
    deliverables: '压测报告',
    claimDeadline: day(10),
    deliveryDeadline: day(100),
    mode: 'race',
    maxTeams: PLACES,
    leagueOrgId: 'org-league-prov',
    requestId: 'bench-race-0001',
  });
  if (!created.answer.ok) throw new Error(`create failed: ${JSON.stringify(created.answer)}`);
  const challengeId = (created.answer.data as { id: string }).id;
  await call(DEMO.organizer, 'challenge', { action: 'publish', challengeId });

  const claims = await Promise.all(
    teams.map(({ teamId, leaderId }, i) =>
      call(leaderId, 'challenge', {
        action: 'claim',
        teamId,
        challengeId,
        approach: '并发揭榜压测的攻关方案。',
        memberIds: [leaderId],
        milestones: [{ title: '压测节点', dueDate: day(30), criterion: '完成压测并出具报告' }],
        requestId: `bench-claim-${String(i).padStart(4, '0')}`,
      }),
    ),
  );
  const accepts = await Promise.all(
    teams.map(({ teamId }) =>
      call(DEMO.organizer, 'challenge', { action: 'reviewClaim', challengeId, teamId, decision: 'accept', reason: '' }),
    ),
  );
  const acceptedInStore = await (await host.cloud.db.store('claims')).countAsync({ challengeId, status: 'accepted' });

  await close();
  console.log(
    JSON.stringify({
      challenges: CHALLENGES,
      boardRequests: boardSamples.length,
      boardFirstPageItems: firstCount,
      boardP50Ms: percentile(boardSamples, 50),
      boardP95Ms: percentile(boardSamples, 95),
      claimTeams: TEAMS,
      claimsOk: claims.filter((claim) => claim.answer.ok).length,
      claimP50Ms: percentile(
        claims.map((claim) => claim.ms),
        50,
      ),
      claimP95Ms: percentile(
        claims.map((claim) => claim.ms),
        95,
      ),
      acceptP95Ms: percentile(
        accepts.map((accept) => accept.ms),
        95,
      ),
      places: PLACES,
      acceptedAnswers: accepts.filter((accept) => accept.answer.ok).length,
      acceptedInStore,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

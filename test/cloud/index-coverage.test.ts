/**
 * Every query the handlers make is served by an index declared in server/db/indexes.ts (the rule
 * is devcloud/index-rule.ts), and every declared index serves some query: a missing index fails
 * here, not on a phone, and an unused one (which only costs writes) is named for deletion.
 *
 * With the store's query log on, this runs every client action as each persona its rule admits
 * (bench/round-trips/scenarios.ts, a fresh demo world per call), the list filters and next pages
 * the scenarios leave out, the media-check verdict, and the dispatch timer with work for each job.
 */
import { ACHIEVEMENT_TYPES } from '../../core/achievement-rules';
import { API, type FnName } from '../../core/api';
import { encodeCursor } from '../../core/cursor';
import { RULE_PERSONAS, type AccessRule } from '../../core/permissions';
import { REFRESH_AFTER_DAYS } from '../../core/team-rules';
import { DAY_MS } from '../../core/time';
import type { DispatchReport } from '../../core/views/dispatch';
import { fit, verdict } from '../../devcloud/index-rule';
import { labelQueries, shapeOf, startQueryLog, stopQueryLog, type FilterShape, type LoggedQuery } from '../../devcloud/query-log';
import { COLLECTIONS, type CollectionDecl, type IndexDecl } from '../../server/db/indexes';
import { scenarios } from '../../bench/round-trips/scenarios';
import { OPENID } from '../helpers/personas';
import { VALID_INPUTS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

type Call = {
  label: string;
  fn: FnName;
  action: string;
  openid: string;
  input: (world: World) => Promise<Record<string, unknown>>;
  /** False for a persona the scenario was not written for: refused or not, what it read counts. */
  mustSucceed: boolean;
};

/** A valid cursor: with it each list takes its next-page query, whatever the demo data holds. */
const CURSOR = encodeCursor(Date.UTC(2026, 10, 20), 'zzzzzzzz');

/** A call labelled `fn.action（what differs）`. */
function call(label: string, openid: string, input: Record<string, unknown>): Call {
  const [fn, action] = label.replace(/（.*$/, '').split('.') as [FnName, string];
  return { label, fn, action, openid, input: async () => input, mustSucceed: true };
}

/** Filters and next pages the scenarios do not ask for: each takes its own query path. */
const LISTS: Call[] = [
  ...(['active', 'closed', 'draft', 'all'] as const).flatMap((status) => [
    call(`challenge.board（${status}）`, DEMO.organizer, { status }),
    call(`challenge.board（${status}，下一页）`, DEMO.organizer, { status, cursor: CURSOR }),
    call(`challenge.board（${status}，领域与方式）`, DEMO.organizer, { status, field: '集成电路', mode: 'race', cursor: CURSOR }),
  ]),
  call('challenge.board（领域）', DEMO.organizer, { field: '集成电路' }),
  call('challenge.board（方式）', DEMO.organizer, { mode: 'single', cursor: CURSOR }),
  call('challenge.board（搜索）', DEMO.organizer, { keyword: '验证', cursor: CURSOR }),
  call('achievement.feed（下一页）', DEMO.memberA, { cursor: CURSOR }),
  call('achievement.feed（领域）', DEMO.memberA, { field: '集成电路' }),
  call('achievement.feed（类型，下一页）', DEMO.memberA, { type: ACHIEVEMENT_TYPES[0], cursor: CURSOR }),
  call('achievement.feed（领域与类型）', DEMO.memberA, { field: '集成电路', type: ACHIEVEMENT_TYPES[1], cursor: CURSOR }),
  call('achievement.pending（下一页）', DEMO.organizer, { cursor: CURSOR }),
  call('progress.timeline（成员）', DEMO.leaderA, { teamId: DEMO.teamA, userId: DEMO.memberA }),
  call('progress.timeline（成员，下一页）', DEMO.leaderA, { teamId: DEMO.teamA, userId: DEMO.memberA, cursor: CURSOR }),
  call('progress.timeline（下一页）', DEMO.leaderA, { teamId: DEMO.teamA, cursor: CURSOR }),
  call('progress.timeline（揭榜）', DEMO.leaderB, { teamId: DEMO.teamB, claimId: `${DEMO.challengeRace}_${DEMO.teamB}` }),
  call('progress.timeline（揭榜，下一页）', DEMO.leaderB, {
    teamId: DEMO.teamB,
    claimId: `${DEMO.challengeRace}_${DEMO.teamB}`,
    cursor: CURSOR,
  }),
  ...(['mine', 'manage'] as const).flatMap((scope) => [
    call(`progress.events（${scope}）`, DEMO.organizer, { scope }),
    call(`progress.events（${scope}，下一页）`, DEMO.organizer, { scope, cursor: CURSOR }),
    call(`notice.list（${scope}）`, DEMO.organizer, { scope }),
    call(`notice.list（${scope}，下一页）`, DEMO.organizer, { scope, cursor: CURSOR }),
  ]),
  call('progress.events（队员，下一页）', DEMO.memberA, { scope: 'mine', cursor: CURSOR }),
  call('notice.list（队员，下一页）', DEMO.memberA, { scope: 'mine', cursor: CURSOR }),
  call('feedback.letters（联系人，下一页）', DEMO.partyContact, { scope: 'contact', cursor: CURSOR }),
  call('feedback.letters（管理）', DEMO.organizer, { scope: 'manage' }),
  call('feedback.letters（管理，下一页）', DEMO.organizer, { scope: 'manage', cursor: CURSOR }),
  call('message.inbox（下一页）', DEMO.leaderA, { cursor: CURSOR }),
  call('message.inbox（未读）', DEMO.leaderA, { unreadOnly: true }),
  call('message.inbox（未读，下一页）', DEMO.leaderA, { unreadOnly: true, cursor: CURSOR }),
  ...(['open', 'closed'] as const).flatMap((status) => [
    call(`report.list（${status}）`, DEMO.organizer, { status }),
    call(`report.list（${status}，下一页）`, DEMO.organizer, { status, cursor: CURSOR }),
  ]),
  ...(['all', 'pending', 'registered', 'rejected', 'dissolved', 'refreshDue'] as const).map((status) =>
    call(`team.orgTeams（${status}）`, DEMO.organizer, { status }),
  ),
  call('admin.retireOrg（党组织）', DEMO.organizer, { orgId: 'org-party-cl', reason: '单位合并，组织撤销' }),
  call('cockpit.orgAudit（筛选，下一页）', DEMO.organizer, {
    orgId: 'org-league-prov',
    target: `teams/${DEMO.teamA}`,
    actor: DEMO.organizer,
    op: 'team.review',
    from: '2026-11-01',
    to: '2026-11-30',
    cursor: CURSOR,
  }),
  call('cockpit.orgAudit（下一页）', DEMO.organizer, { orgId: 'org-league-prov', cursor: CURSOR }),
  call('cockpit.teamAudit（下一页）', DEMO.leaderA, { teamId: DEMO.teamA, cursor: CURSOR }),
  call('need.board（搜索，下一页）', DEMO.newcomer, { keyword: '电池', cursor: CURSOR }),
  call('need.queue（我接的）', DEMO.organizer, { orgId: 'org-league-prov', view: 'mine', cursor: null }),
  call('need.queue（已处理，下一页）', DEMO.organizer, { orgId: 'org-league-prov', view: 'done', cursor: CURSOR }),
  call('transfer.library（领域，下一页）', DEMO.newcomer, { keyword: '芯片', field: '集成电路', cursor: CURSOR }),
  ...(['challenges', 'achievements', 'attendance', 'letters', 'ledger', 'transfers'] as const).map((table) =>
    call(`cockpit.export（${table}）`, DEMO.organizer, { orgId: 'org-league-prov', table }),
  ),
  call('cockpit.export（attendance，一个活动）', DEMO.organizer, {
    orgId: 'org-league-prov',
    table: 'attendance',
    eventId: DEMO.eventPast,
  }),
  call('progress.weekly（指定日期）', DEMO.leaderA, { teamId: DEMO.teamA, day: '2026-11-16' }),
  call('progress.form（指定日期）', DEMO.leaderB, { teamId: DEMO.teamB, day: '2026-11-19' }),
];

/** Each scenario as every persona its rule admits: what is read depends on who asks. */
function everyCaller(): Call[] {
  return scenarios().flatMap((scenario) => {
    const rule = (API[scenario.fn] as Record<string, { access: AccessRule }>)[scenario.action].access;
    const label = scenario.label ?? `${scenario.fn}.${scenario.action}`;
    const others = RULE_PERSONAS[rule].map((persona) => OPENID[persona]).filter((openid) => openid !== scenario.openid);
    return [
      { ...scenario, label, mustSucceed: true },
      ...others.map((openid) => ({ ...scenario, label: `${label}（${openid}）`, openid, mustSucceed: false })),
    ];
  });
}

/** Runs `one` with its queries labelled; a failure, as text, when it must succeed and did not. */
async function run(
  world: World,
  one: Pick<Call, 'label' | 'fn' | 'action' | 'openid' | 'mustSucceed'>,
  input: object,
): Promise<string | null> {
  try {
    const result = await labelQueries(one.label, () => world.raw(one.fn, one.openid, { action: one.action, ...input }));
    return result.ok || !one.mustSucceed ? null : `${one.label}: ${result.code} ${result.message}`;
  } catch (error) {
    return `${one.label}: ${(error as Error).message}`;
  }
}

/** What the dispatch runs did, summed: each job must have had work, or its queries went unseen. */
type DispatchWork = Record<'delivered' | 'flagged' | 'reminded' | 'lettersReminded' | 'draftsPrepared', number>;

/** The system's own calls: a media-check verdict, and the dispatch timer at the moments each of its jobs has work. */
async function systemRuns(failures: string[]): Promise<DispatchWork> {
  const world = await makeWorld();
  const system = { fn: 'achievement' as const, action: 'mediaVerdict', openid: '', mustSucceed: true };
  const posted = await world.expectOk('achievement', DEMO.leaderA, 'save', {
    ...VALID_INPUTS.achievement.save,
    images: [`local://uploads/${DEMO.leaderA}/coverage.png`],
    requestId: 'coverage-images-01',
  } as never);
  const [check] = (await world.db.collection('mediaChecks').where({ docId: posted.id }).get()).data;
  const verdictFailure = await run(world, { ...system, label: 'achievement.mediaVerdict' }, { traceId: check?._id, suggest: 'pass' });
  if (verdictFailure) failures.push(verdictFailure);

  // Messages to send, a notice whose fan-out stalled, an accepted gate coming due, the demo letter unsigned.
  await world.expectOk('notice', DEMO.organizer, 'publish', { ...VALID_INPUTS.notice.publish, requestId: 'coverage-notice-01' } as never);
  const notices = await world.db.store('notices');
  await notices.insertAsync({
    _id: 'nt-coverage-stalled',
    leagueOrgId: 'org-league-prov',
    authorId: DEMO.organizer,
    title: '中断的通知',
    body: '发布时函数超时，只写了通知本身。',
    audience: 'leaders',
    teamIds: [],
    requireAck: false,
    fanout: 'pending',
    recipientCount: 0,
    remindedAt: null,
    remindRounds: 0,
    requestId: 'nt-coverage-stalled-req',
    createdAt: world.clock.now - 5 * 60_000,
  });
  await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', VALID_INPUTS.challenge.reviewClaim as never);
  const work: DispatchWork = { delivered: 0, flagged: 0, reminded: 0, lettersReminded: 0, draftsPrepared: 0 };
  const dispatch = async (label: string) => {
    const result = await labelQueries(`dispatch.run（${label}）`, () => world.raw('dispatch', '', { action: 'run' }));
    if (!result.ok) return failures.push(`dispatch.run（${label}）: ${result.code} ${result.message}`);
    const report = result.data as DispatchReport;
    work.delivered += report.sent + report.inAppOnly;
    work.flagged += report.flagged;
    work.reminded += report.reminded;
    work.lettersReminded += report.lettersReminded;
    work.draftsPrepared += report.draftsPrepared;
  };
  await dispatch('发送与补完通知');
  world.clock.now += 6 * DAY_MS;
  await dispatch('签收提醒');
  world.clock.now = Date.UTC(2027, 0, 2, 2, 0);
  await dispatch('季度反馈函草稿');
  const { data: gates } = await world.db
    .collection('milestones')
    .where({ status: 'pending', dueAt: world.db.command.gt(world.clock.now) })
    .orderBy('dueAt', 'asc')
    .limit(1)
    .get();
  world.clock.now = (gates[0]?.dueAt as number) - DAY_MS;
  await dispatch('节点到期提醒');
  world.clock.now += REFRESH_AFTER_DAYS * DAY_MS;
  await dispatch('备案待更新');
  return work;
}

function describeShape(shape: FilterShape): string {
  return [
    ...shape.fields.map(({ field, how }) => `${field}:${how}`),
    ...shape.anyOf.map((group) => `or(${group.map(describeShape).join(' | ')})`),
  ].join(', ');
}

function describeQuery(query: LoggedQuery): string {
  const sort = query.sort.map(({ field, direction }) => `${direction < 0 ? '-' : ''}${field}`).join(', ');
  return `${query.collection}.${query.op} {${describeShape(query)}}${sort ? ` sort ${sort}` : ''}`;
}

const declared = (decl: IndexDecl) => `${decl.unique ? 'unique' : 'index'}(${decl.fields.map((field) => `'${field}'`).join(', ')})`;

describe('indexes: every query the handlers make is served by a declared index', () => {
  const failures: string[] = [];
  let judged: { query: LoggedQuery; verdict: ReturnType<typeof verdict> }[] = [];
  let work: DispatchWork;

  beforeAll(async () => {
    const log = startQueryLog();
    try {
      for (const one of [...everyCaller(), ...LISTS]) {
        const world = await makeWorld();
        let input: object;
        try {
          input = await one.input(world);
        } catch (error) {
          failures.push(`${one.label} (preparing): ${(error as Error).message}`);
          continue;
        }
        const failure = await run(world, one, input);
        if (failure) failures.push(failure);
      }
      work = await systemRuns(failures);
    } finally {
      stopQueryLog();
    }
    // Unlabelled queries are the test's own; `_wx_…` collections are the local stand-ins for WeChat's side.
    judged = log.filter((query) => query.call && !query.collection.startsWith('_')).map((query) => ({ query, verdict: verdict(query) }));
  }, 120_000);

  it('runs every call it relies on successfully, and the dispatch timer with work for each job', () => {
    expect(failures).toEqual([]);
    expect(Object.entries(work).filter(([, done]) => done === 0)).toEqual([]);
  });

  it('serves every query, sort fields included', () => {
    const unserved = new Map<string, Set<string>>();
    for (const { query, verdict: result } of judged) {
      if (result.served) continue;
      const key = `${describeQuery(query)} — ${result.reason}`;
      if (!unserved.has(key)) unserved.set(key, new Set());
      unserved.get(key)!.add(query.call!);
    }
    const lines = [...unserved].map(([key, calls]) => `${key}; made by ${[...calls].slice(0, 5).join('、')}`);
    expect(lines).toEqual([]);
  });

  it('uses every declared index (delete the ones listed: each costs every write)', () => {
    const used = new Set<IndexDecl>();
    for (const { verdict: result } of judged) if (result.served) for (const index of result.indexes) used.add(index);
    const unused = Object.entries(COLLECTIONS).flatMap(([name, decl]) =>
      // A unique index is there for its constraint, used or not.
      decl.indexes.filter((index) => !index.unique && !used.has(index)).map((index) => `${name}: ${declared(index)}`),
    );
    expect(unused).toEqual([]);
  });
});

describe('the serving rule', () => {
  const index = (...fields: string[]): IndexDecl => ({ fields });
  const query = (where: object, sort: Record<string, 1 | -1> = {}, collection = 'items'): LoggedQuery => ({
    collection,
    op: 'get',
    ...shapeOf(where),
    sort: Object.entries(sort).map(([field, direction]) => ({ field, direction })),
  });
  const served = (indexes: IndexDecl[], where: object, sort: Record<string, 1 | -1> = {}, extra: Partial<CollectionDecl> = {}) =>
    verdict(query(where, sort), { items: { indexes, ...extra } }).served;

  it('needs the leading field of an index in the query; later fields are used only after it', () => {
    expect(served([index('a', 'b')], { a: 1 })).toBe(true);
    expect(served([index('a', 'b')], { a: 1, b: 2 })).toBe(true);
    expect(served([index('a', 'b')], { b: 2 })).toBe(false);
    // More equality than the index holds is checked on what the index yields.
    expect(served([index('a')], { a: 1, c: 3 })).toBe(true);
    expect(served([index('a')], { a: { $ne: 1 } })).toBe(false);
  });

  it('serves a sort that continues the index right after the equality prefix, all directions as declared or all reversed', () => {
    expect(served([index('a', '-t', '-_id')], { a: 1 }, { t: -1, _id: -1 })).toBe(true);
    expect(served([index('a', '-t', '-_id')], { a: 1 }, { t: 1, _id: 1 })).toBe(true);
    expect(served([index('a', '-t', '-_id')], { a: 1 }, { t: -1, _id: 1 })).toBe(false);
    expect(served([index('a', 't')], { a: 1 }, { t: 1, _id: 1 })).toBe(false);
    expect(served([index('a', 'b', 't')], { a: 1 }, { t: 1 })).toBe(false);
    expect(served([index('a', 'b', 't')], { a: 1, b: 2 }, { b: 1, t: 1 })).toBe(true);
    // `in` counts as equality (one range per value, merged in order).
    expect(served([index('a', 't')], { a: { $in: [1, 2] } }, { t: -1 })).toBe(true);
  });

  it('refuses a range before the sort (a blocking sort), and serves a range on the sort field or after it', () => {
    expect(served([index('a', 'r', 't')], { a: 1, r: { $gt: 1 } }, { t: 1 })).toBe(false);
    expect(served([index('a', 't', 'r')], { a: 1, r: { $gt: 1 } }, { t: 1 })).toBe(true);
    expect(served([index('a', 't')], { a: 1, t: { $lt: 9 } }, { t: -1 })).toBe(true);
  });

  it('serves `_.or` when the rest of the query is served, or when every alternative is', () => {
    expect(served([index('a'), index('b')], { $or: [{ a: 1 }, { b: 2 }] })).toBe(true);
    expect(served([index('a')], { $or: [{ a: 1 }, { b: 2 }] })).toBe(false);
    expect(served([index('c')], { c: 1, $or: [{ a: 1 }, { b: 2 }] })).toBe(true);
  });

  it('serves reads by _id everywhere, and a whole-collection read only where the collection says why', () => {
    expect(served([], { _id: 'x' })).toBe(true);
    expect(served([], { _id: { $in: ['x', 'y'] } })).toBe(true);
    expect(served([], {})).toBe(false);
    expect(served([], {}, {}, { readWhole: '很小' })).toBe(true);
    expect(served([index('a')], {}, { a: 1 })).toBe(false);
  });

  it('prefers the index that uses more of the query', () => {
    expect(fit(index('a', 'b'), query({ a: 1, b: 2 }).fields, [])).toBeGreaterThan(fit(index('a'), query({ a: 1, b: 2 }).fields, [])!);
  });
});

/**
 * 干部接单 (issue 17 §2, §5): one owner at a time with a visible first-response deadline, the thread
 * with the enterprise, outcomes with reasons, and the one line from a need to its results.
 */
import { FIRST_RESPONSE_DAYS } from '../../core/need-rules';
import { DAY_MS } from '../../core/time';
import type { Achievement, Challenge, Claim, Milestone, Need, NeedMessage, Transfer } from '../../core/types';
import { encodeCursor } from '../../core/cursor';
import { verdict } from '../../devcloud/index-rule';
import { startQueryLog, stopQueryLog } from '../../devcloud/query-log';
import { findById } from '../../server/db/collections';
import { challengeIdOfNeed } from '../../server/handlers/challenge/from-need';
import { NEED_FIELDS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const PROV = 'org-league-prov';
const ZS = 'org-league-zs';

async function docs<T>(world: World, name: string, where: object = {}): Promise<T[]> {
  const { data } = await world.db.collection(name).where(where).limit(1000).get();
  return data as unknown as T[];
}

async function put<T extends { _id: string }>(world: World, name: string, doc: T) {
  const { _id, ...data } = doc;
  await world.db.collection(name).doc(_id).set({ data });
}

const stored = async (world: World, id: string) => (await findById(world.db, 'needs', id)) as Need;
const inbox = async (world: World, openid: string) => (await world.expectOk('message', openid, 'inbox', {})).items;
/** The caller's inbox items whose title or body holds `text`. */
const told = async (world: World, openid: string, text: string) =>
  (await inbox(world, openid)).filter((item) => item.title.includes(text) || item.body.includes(text));

/** Makes 吴桐 (DEMO.newcomer) a cadre of the province the way an organizer does: a one-time code. */
async function makeCadre(world: World) {
  const issued = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'cadre' });
  await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: issued.code });
  return DEMO.newcomer;
}

/** DEMO.needOpen taken by the demo organizer (王敏). */
async function taken(world: World) {
  return world.expectOk('need', DEMO.organizer, 'take', { needId: DEMO.needOpen });
}

/** A submitted need of an enterprise under 智算研究院团委, taken by its organizer 孙悦. */
async function zsNeed(world: World): Promise<string> {
  const need = { ...(await stored(world, DEMO.needOpen)), _id: 'need-test-zs', leagueOrgId: ZS, title: '智算中心液冷节能改造' };
  await put(world, 'needs', need);
  await world.expectOk('need', DEMO.unitOrganizer, 'take', { needId: need._id });
  return need._id;
}

describe('taking a need', () => {
  it('gives it one owner with a first-response deadline the enterprise is told of; another cadre waits for a release', async () => {
    const world = await makeWorld();
    const cadre = await makeCadre(world);
    const detail = await taken(world);
    expect(detail).toMatchObject({
      status: 'taken',
      ownerName: '王敏',
      respondBy: world.clock.now + FIRST_RESPONSE_DAYS * DAY_MS,
      responseOverdue: false,
      viewer: { isOwner: true, canDecide: true },
    });
    expect(detail.steps.at(-1)).toMatchObject({ kind: 'taken', note: `王敏 已接单，将在 ${FIRST_RESPONSE_DAYS} 天内首次回复` });
    expect(await told(world, DEMO.issuer, '王敏 已接单')).toEqual([
      expect.objectContaining({ title: '需求「动力电池管理系统 SOC 估算精度提升」有新进展' }),
    ]);
    // A second tap changes nothing.
    await taken(world);
    expect((await stored(world, DEMO.needOpen)).steps.filter((step) => step.kind === 'taken')).toHaveLength(1);

    const refused = await world.invoke('need', cadre, 'take', { needId: DEMO.needOpen });
    expect(refused).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('该需求已由 王敏 接单') });
    expect(await world.invoke('need', cadre, 'release', { needId: DEMO.needOpen, reason: '我来跟进' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });

    // The organizer hands it back; the cadre then takes it with a fresh deadline.
    const released = await world.expectOk('need', DEMO.organizer, 'release', { needId: DEMO.needOpen, reason: '转交吴桐跟进' });
    expect(released).toMatchObject({ status: 'submitted', ownerName: null, respondBy: null });
    expect(released.steps.at(-1)).toMatchObject({ kind: 'released', note: '王敏 放弃接单：转交吴桐跟进' });
    world.clock.now += DAY_MS;
    const retaken = await world.expectOk('need', cadre, 'take', { needId: DEMO.needOpen });
    expect(retaken).toMatchObject({ ownerName: '吴桐', respondBy: world.clock.now + FIRST_RESPONSE_DAYS * DAY_MS });
    const actions = (await docs<{ action: string; orgId: string }>(world, 'audit', { target: `needs/${DEMO.needOpen}` })).map(
      (entry) => entry.action,
    );
    expect(actions.sort()).toEqual(['release', 'take', 'take']);
  });

  it('shows a reader outside a public need neither who took or decided it nor when the first answer is due', async () => {
    const world = await makeWorld();
    await taken(world);
    world.clock.now += (FIRST_RESPONSE_DAYS + 1) * DAY_MS;
    const hidden = { ownerName: null, respondBy: null, responseOverdue: false };
    expect(await world.expectOk('need', DEMO.leaderA, 'detail', { needId: DEMO.needOpen })).toMatchObject({ status: 'taken', ...hidden });
    expect(await world.expectOk('need', DEMO.issuer, 'detail', { needId: DEMO.needOpen })).toMatchObject({
      ownerName: '王敏',
      responseOverdue: true,
    });

    await world.expectOk('need', DEMO.organizer, 'decide', { needId: DEMO.needOpen, outcome: 'decline', reason: '暂无匹配的团队方向' });
    const outside = await world.expectOk('need', DEMO.leaderA, 'detail', { needId: DEMO.needOpen });
    expect(outside).toMatchObject({ status: 'declined', ...hidden, outcome: { kind: 'decline', reason: '', byName: '' } });
    expect((await world.expectOk('need', DEMO.issuer, 'detail', { needId: DEMO.needOpen })).outcome?.byName).toBe('王敏');
  });

  it('lets an organizer take back a cadre’s need and tells the cadre', async () => {
    const world = await makeWorld();
    const cadre = await makeCadre(world);
    await world.expectOk('need', cadre, 'take', { needId: DEMO.needOpen });
    const released = await world.expectOk('need', DEMO.organizer, 'release', { needId: DEMO.needOpen, reason: '吴桐出差，改由团省委跟进' });
    expect(released.steps.at(-1)?.note).toBe('王敏 收回了 吴桐 的接单：吴桐出差，改由团省委跟进');
    expect(await told(world, cadre, '收回了 吴桐 的接单')).toHaveLength(1);
  });

  it('is refused to an organizer of another org, and only for needs that were submitted', async () => {
    const world = await makeWorld();
    expect(await world.invoke('need', DEMO.unitOrganizer, 'take', { needId: DEMO.needOpen })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await world.invoke('need', DEMO.organizer, 'take', { needId: DEMO.needDraft })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.invoke('need', DEMO.organizer, 'take', { needId: DEMO.needSolicit })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });
});

describe('the queue', () => {
  it('lists open, own and finished needs of the org, newest first, with the owner and an overdue first response', async () => {
    const world = await makeWorld();
    const open = await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view: 'open', cursor: null });
    expect(open.items.map((card) => card.id)).toEqual([DEMO.needOpen]);
    await taken(world);
    world.clock.now += (FIRST_RESPONSE_DAYS + 1) * DAY_MS;
    const mine = await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view: 'mine', cursor: null });
    expect(mine.items).toEqual([expect.objectContaining({ id: DEMO.needOpen, ownerName: '王敏', responseOverdue: true })]);
    const done = await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view: 'done', cursor: null });
    expect(done.items.map((card) => card.id)).toEqual([DEMO.needSolicit]);
    // The draft is the enterprise's alone, in every view.
    expect([...open.items, ...mine.items, ...done.items].map((card) => card.id)).not.toContain(DEMO.needDraft);
    // 孙悦 sees only 智算研究院团委's needs.
    expect((await world.expectOk('need', DEMO.unitOrganizer, 'queue', { orgId: ZS, view: 'open', cursor: null })).items).toEqual([]);
  });

  it('reads every view and next page through a declared index (the coverage test runs only the first page of 待接单)', async () => {
    const world = await makeWorld();
    await taken(world);
    const log = startQueryLog();
    try {
      for (const view of ['open', 'mine', 'done'] as const) {
        for (const cursor of [null, encodeCursor(world.clock.now, 'zzzz')]) {
          await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view, cursor });
        }
      }
    } finally {
      stopQueryLog();
    }
    const needs = log.filter((query) => query.collection === 'needs');
    expect(needs).toHaveLength(6);
    expect(needs.filter((query) => !verdict(query).served)).toEqual([]);
  });

  it('pages with a cursor, neither skipping nor repeating', async () => {
    const world = await makeWorld();
    const base = await stored(world, DEMO.needOpen);
    for (let i = 0; i < 25; i += 1) {
      await put(world, 'needs', {
        ...base,
        _id: `need-page-${String(i).padStart(2, '0')}`,
        submittedAt: (base.submittedAt ?? 0) - (i % 5),
      });
    }
    const first = await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view: 'open', cursor: null });
    const second = await world.expectOk('need', DEMO.organizer, 'queue', { orgId: PROV, view: 'open', cursor: first.nextCursor });
    expect(first.items).toHaveLength(20);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((card) => card.id);
    expect(new Set(ids).size).toBe(26);
  });
});

describe('the thread', () => {
  it('counts the owner’s first message as the first response, and keeps the body out of the audit trail', async () => {
    const world = await makeWorld();
    await taken(world);
    const before = (await inbox(world, DEMO.issuer)).length;
    const input = { needId: DEMO.needOpen, body: '您好，约周四到贵司实验室现场看一下低温工况数据。', requestId: 'thread-0001' };
    const detail = await world.expectOk('need', DEMO.organizer, 'message', input);
    expect(detail.respondedAt).toBe(world.clock.now);
    expect(detail.messages).toEqual([expect.objectContaining({ side: 'cadre', body: input.body, authorName: '王敏' })]);
    expect(detail.steps.at(-1)).toMatchObject({ kind: 'responded' });
    // One notice for the enterprise, not two.
    expect(await inbox(world, DEMO.issuer)).toHaveLength(before + 1);
    // A retried send writes once.
    await world.expectOk('need', DEMO.organizer, 'message', input);
    expect(await docs<NeedMessage>(world, 'needMessages', { needId: DEMO.needOpen })).toHaveLength(1);
    const [entry] = await docs<{ summary: string; orgId: string }>(world, 'audit', { fn: 'need', action: 'message' });
    expect(entry).toMatchObject({ summary: '在需求「动力电池管理系统 SOC 估算精度提升」留言', orgId: PROV });
    expect(entry.summary).not.toContain('实验室');

    world.clock.now += (FIRST_RESPONSE_DAYS + 1) * DAY_MS;
    const later = await world.expectOk('need', DEMO.organizer, 'message', { ...input, body: '数据已收到。', requestId: 'thread-0002' });
    expect(later).toMatchObject({ responseOverdue: false, respondedAt: detail.respondedAt });
    expect(later.steps.filter((step) => step.kind === 'responded')).toHaveLength(1);
  });

  it('tells the owner of the enterprise’s messages, and everyone who takes the org’s needs while nobody owns it', async () => {
    const world = await makeWorld();
    const cadre = await makeCadre(world);
    const ask = { needId: DEMO.needOpen, body: '请问什么时候能安排对接？', requestId: 'thread-0101' };
    const detail = await world.expectOk('need', DEMO.issuer, 'message', ask);
    expect(detail.messages).toEqual([expect.objectContaining({ side: 'enterprise', authorName: '钱工' })]);
    expect(detail.respondedAt).toBeNull();
    for (const userId of [DEMO.organizer, cadre]) expect(await told(world, userId, '有新留言')).toHaveLength(1);
    expect(await told(world, DEMO.leaderA, '有新留言')).toEqual([]);

    await world.expectOk('need', cadre, 'take', { needId: DEMO.needOpen });
    await world.expectOk('need', DEMO.issuer, 'message', { ...ask, requestId: 'thread-0102' });
    expect(await told(world, cadre, '有新留言')).toHaveLength(2);
    expect(await told(world, DEMO.organizer, '有新留言')).toHaveLength(1);
  });

  it('flags the need for a look when a message needs one', async () => {
    const world = await makeWorld();
    await world.expectOk('need', DEMO.issuer, 'message', {
      needId: DEMO.needOpen,
      body: '以下内容待核实：样品参数',
      requestId: 'thread-0301',
    });
    expect((await stored(world, DEMO.needOpen)).contentFlag).toBe('review');
  });

  it('is closed on a withdrawn need', async () => {
    const world = await makeWorld();
    await world.expectOk('need', DEMO.issuer, 'withdraw', { needId: DEMO.needOpen, reason: '需求已由内部解决' });
    const refused = await world.invoke('need', DEMO.organizer, 'message', {
      needId: DEMO.needOpen,
      body: '好的',
      requestId: 'thread-0201',
    });
    expect(refused).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
  });
});

describe('deciding a need', () => {
  it('turns it into a 征榜 draft prefilled from the need and linked to it, once', async () => {
    const world = await makeWorld();
    await taken(world);
    const input = { needId: DEMO.needOpen, outcome: 'challenge' as const, reason: '指标明确，适合揭榜挂帅' };
    const detail = await world.expectOk('need', DEMO.organizer, 'decide', input);
    const challengeId = challengeIdOfNeed(DEMO.needOpen);
    expect(detail).toMatchObject({
      status: 'challenge',
      outcome: {
        kind: 'challenge',
        reason: input.reason,
        byName: '王敏',
        challenge: { id: challengeId, title: '动力电池管理系统 SOC 估算精度提升' },
      },
    });
    expect(detail.steps.at(-1)?.note).toBe('转为榜单（征榜）：指标明确，适合揭榜挂帅');
    const challenge = (await findById(world.db, 'challenges', challengeId)) as Challenge;
    expect(challenge).toMatchObject({
      status: 'draft',
      leagueOrgId: PROV,
      field: '新能源',
      issuer: { unitName: '省汽车电子集团', contactName: '钱工', contactPhone: '13800000009' },
      background: '现有 BMS 在低温工况下 SOC 估算误差超过 5%，影响续航显示和热管理策略。',
      targets: [{ indicator: '目标指标', value: expect.stringMatching(/^SOC 估算误差/), unit: '' }],
      mode: 'single',
      maxTeams: 1,
      createdBy: DEMO.organizer,
      solicit: { needId: DEMO.needOpen, enterpriseId: DEMO.enterprise, commitments: null, commitmentsConfirmed: null, experts: [] },
      expertIds: [],
    });
    expect([...challenge.targets[0].value].length).toBeLessThanOrEqual(20);
    expect(challenge.claimDeadline).toBeGreaterThan(world.clock.now + 29 * DAY_MS);
    expect(challenge.deliveryDeadline - challenge.claimDeadline).toBe(180 * DAY_MS);
    // The organizer's draft list shows it; a retry creates no second one.
    await world.expectOk('need', DEMO.organizer, 'decide', input);
    expect(await docs(world, 'challenges', { 'solicit.needId': DEMO.needOpen })).toHaveLength(1);
    const audits = await docs<{ fn: string; action: string }>(world, 'audit', { orgId: PROV });
    expect(audits.filter((entry) => `${entry.fn}.${entry.action}` === 'need.decide')).toHaveLength(1);
    expect(audits.filter((entry) => `${entry.fn}.${entry.action}` === 'challenge.create')).toHaveLength(1);
  });

  it('recommends registered teams under the need’s org, shown to the enterprise and told to their leaders', async () => {
    const world = await makeWorld();
    const needId = await zsNeed(world);
    const outside = await world.invoke('need', DEMO.unitOrganizer, 'decide', {
      needId,
      outcome: 'recommend',
      reason: '该团队方向一致',
      teamIds: [DEMO.teamA],
    });
    expect(outside).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('不在「智算研究院团委」及其下级团组织'),
    });
    expect((await stored(world, needId)).status).toBe('taken');

    const detail = await world.expectOk('need', DEMO.unitOrganizer, 'decide', {
      needId,
      outcome: 'recommend',
      reason: '该团队方向一致',
      teamIds: [DEMO.teamB],
    });
    expect(detail.outcome?.teams).toEqual([{ id: DEMO.teamB, name: expect.any(String), orgName: '智算研究院团委' }]);
    const seen = await world.expectOk('need', DEMO.issuer, 'detail', { needId });
    expect(seen.outcome?.teams.map((team) => team.id)).toEqual([DEMO.teamB]);
    expect(await told(world, DEMO.leaderB, '你的团队被推荐给企业需求')).toHaveLength(1);
  });

  it('refuses a team that is not registered', async () => {
    const world = await makeWorld();
    await taken(world);
    const result = await world.invoke('need', DEMO.organizer, 'decide', {
      needId: DEMO.needOpen,
      outcome: 'recommend',
      reason: '方向一致',
      teamIds: [DEMO.teamPending],
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('尚未备案或已解散') });
  });

  it('merges into another need, never into itself, and notes it on the other need', async () => {
    const world = await makeWorld();
    await taken(world);
    const itself = await world.invoke('need', DEMO.organizer, 'decide', {
      needId: DEMO.needOpen,
      outcome: 'merge',
      reason: '重复提交',
      mergeInto: DEMO.needOpen,
    });
    expect(itself).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '不能把需求合并到它自己，请选择另一条需求' });
    const draft = await world.invoke('need', DEMO.organizer, 'decide', {
      needId: DEMO.needOpen,
      outcome: 'merge',
      reason: '重复提交',
      mergeInto: DEMO.needDraft,
    });
    expect(draft).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const detail = await world.expectOk('need', DEMO.organizer, 'decide', {
      needId: DEMO.needOpen,
      outcome: 'merge',
      reason: '与激光雷达需求同属感知算法',
      mergeInto: DEMO.needSolicit,
    });
    expect(detail).toMatchObject({
      status: 'merged',
      outcome: { mergedInto: { id: DEMO.needSolicit, title: '车载激光雷达点云实时分割' } },
    });
    expect((await stored(world, DEMO.needSolicit)).steps.at(-1)).toMatchObject({
      kind: 'edited',
      note: '合并了需求「动力电池管理系统 SOC 估算精度提升」（省汽车电子集团）',
    });
    const trace = await world.expectOk('need', DEMO.issuer, 'trace', { needId: DEMO.needOpen });
    expect(trace.entries.at(-1)).toMatchObject({
      title: '已合并到需求「车载激光雷达点云实时分割」',
      link: { page: 'need', id: DEMO.needSolicit },
    });
  });

  it('names the other need of a merge only to readers who may see it', async () => {
    const world = await makeWorld();
    // 吴桐's enterprise asks the same, for the organizers' eyes only; so does 省汽车电子集团.
    const issued = await world.expectOk('need', DEMO.organizer, 'issueCode', {
      orgId: PROV,
      kind: 'enterprise',
      enterpriseName: '省轨道交通装备公司',
    });
    const { scopeId: enterpriseId } = await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: issued.code });
    const draft = { enterpriseId, requestId: 'merge-test-0001', ...NEED_FIELDS, visibility: 'organizers' as const };
    const other = await world.expectOk('need', DEMO.newcomer, 'save', draft);
    await world.expectOk('need', DEMO.newcomer, 'submit', { needId: other.id });
    await world.db
      .collection('needs')
      .doc(DEMO.needOpen)
      .update({ data: { visibility: 'organizers' } });
    await taken(world);

    const reason = '两家企业提出了同一问题';
    const decided = await world.expectOk('need', DEMO.organizer, 'decide', {
      needId: DEMO.needOpen,
      outcome: 'merge',
      reason,
      mergeInto: other.id,
    });
    // The cadre takes both: named to them.
    expect(decided.outcome?.mergedInto).toEqual({ id: other.id, title: NEED_FIELDS.title });
    const sourceNote = `与重复需求合并（已与团组织受理的另一条相同需求合并）：${reason}`;
    expect((await stored(world, DEMO.needOpen)).steps.at(-1)?.note).toBe(sourceNote);
    expect((await stored(world, other.id)).steps.at(-1)).toMatchObject({ kind: 'edited', note: '合并了另一条相同的需求' });
    expect(await told(world, DEMO.issuer, sourceNote)).toHaveLength(1);
    expect(await told(world, DEMO.newcomer, '合并了另一条相同的需求')).toHaveLength(1);
    for (const openid of [DEMO.issuer, DEMO.newcomer]) {
      const notes = (await inbox(world, openid)).map((item) => item.body).join('\n');
      expect(notes).not.toContain(NEED_FIELDS.title);
      expect(notes).not.toContain('动力电池管理系统');
    }
    // The enterprise reads where its need went only when it may read that need.
    expect((await world.expectOk('need', DEMO.issuer, 'detail', { needId: DEMO.needOpen })).outcome).toMatchObject({
      kind: 'merge',
      mergedInto: null,
    });
  });

  it('declines with its reason, and only the owner decides', async () => {
    const world = await makeWorld();
    const cadre = await makeCadre(world);
    const input = { needId: DEMO.needOpen, outcome: 'decline' as const, reason: '暂无匹配的团队方向' };
    expect(await world.invoke('need', DEMO.organizer, 'decide', input)).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '请先接单',
    });
    await world.expectOk('need', cadre, 'take', { needId: DEMO.needOpen });
    expect(await world.invoke('need', DEMO.organizer, 'decide', input)).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('该需求由 吴桐 负责'),
    });
    const detail = await world.expectOk('need', cadre, 'decide', input);
    expect(detail).toMatchObject({ status: 'declined', outcome: { kind: 'decline', reason: input.reason, byName: '吴桐' } });
    expect(await told(world, DEMO.issuer, '不予采纳：暂无匹配的团队方向')).toHaveLength(1);
    expect(await world.invoke('need', DEMO.issuer, 'decide', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('team options', () => {
  it('offers registered teams under the need’s org, the need’s field first', async () => {
    const world = await makeWorld();
    const options = await world.expectOk('need', DEMO.organizer, 'teamOptions', { needId: DEMO.needSolicit });
    expect(options.map((team) => team.id)).toEqual([DEMO.teamB, DEMO.teamA]);
    expect(options[0]).toMatchObject({ field: '人工智能', orgName: '智算研究院团委' });
  });
});

describe('the line from a need to its results', () => {
  it('shows the need’s steps and its 征榜 draft, then the claim, gates, achievement and transfers, counting confirmed contracts only', async () => {
    const world = await makeWorld();
    const first = await world.expectOk('need', DEMO.issuer, 'trace', { needId: DEMO.needSolicit });
    expect(first.need).toEqual({
      id: DEMO.needSolicit,
      title: '车载激光雷达点云实时分割',
      enterpriseName: '省汽车电子集团',
      status: 'challenge',
    });
    expect(first.entries.map((entry) => entry.title)).toEqual([
      '企业创建需求',
      '企业提交需求',
      '团组织接单',
      '首次回复企业',
      '处理结果',
      '起草榜单「车载激光雷达点云实时分割」',
      '录入出题方承诺',
    ]);
    expect(first.entries[5].link).toEqual({ page: 'challenge', id: DEMO.challengeSolicit });
    expect(first.confirmedAmount).toBe(0);

    // What the challenge, claim, gate, achievement and transfer helpers write, written here directly.
    const now = world.clock.now;
    const challenge = (await findById(world.db, 'challenges', DEMO.challengeSolicit)) as Challenge;
    const solicit = challenge.solicit;
    if (!solicit) throw new Error('the demo 征榜 draft has no solicit');
    await put(world, 'challenges', {
      ...challenge,
      status: 'completed',
      publishedAt: now - 5 * DAY_MS,
      solicit: {
        ...solicit,
        commitmentsConfirmed: { by: DEMO.issuer, at: now - 5.5 * DAY_MS },
        experts: solicit.experts.map((slot) => ({ ...slot, verdict: 'approved' as const, comment: '指标合理', at: now - 5.2 * DAY_MS })),
      },
      outcome: { result: 'success', by: DEMO.organizer, at: now - DAY_MS, summary: '车规级芯片上达到 12 Hz。', winners: [DEMO.teamB] },
    });
    // The steps the challenge's and the transfer's handlers add to the need: told once, by their own entries.
    const need = await stored(world, DEMO.needSolicit);
    const elsewhere = [
      { at: now - 5 * DAY_MS, by: DEMO.organizer, kind: 'challengePublished' as const, note: '榜单已发布' },
      { at: now - 0.5 * DAY_MS, by: DEMO.issuer, kind: 'transferConfirmed' as const, note: '企业确认了成果转化' },
    ];
    await put(world, 'needs', { ...need, steps: [...need.steps, ...elsewhere] });
    const accepted = { by: DEMO.organizer, at: now - 4 * DAY_MS, reason: '' };
    const claim: Claim = {
      _id: `${DEMO.challengeSolicit}_${DEMO.teamB}`,
      challengeId: DEMO.challengeSolicit,
      teamId: DEMO.teamB,
      teamName: '智算青年突击队',
      leaderId: DEMO.leaderB,
      requestId: 'trace-claim',
      plan: { approach: '稀疏卷积', memberIds: [DEMO.leaderB], milestones: [] },
      status: 'won',
      appliedAt: now - 4.5 * DAY_MS,
      review: accepted,
      ended: { by: DEMO.organizer, at: now - 1.1 * DAY_MS, reason: '达到全部指标' },
    };
    await put(world, 'claims', claim);
    const gate: Milestone = {
      _id: `${claim._id}_0`,
      claimId: claim._id,
      challengeId: DEMO.challengeSolicit,
      teamId: DEMO.teamB,
      index: 0,
      title: '实车测试',
      dueAt: now,
      criterion: '帧率 ≥ 10 Hz',
      status: 'passed',
      evidence: { summary: '实车测试报告', reference: '', by: DEMO.leaderB, at: now - 3 * DAY_MS },
      review: { by: DEMO.organizer, at: now - 2 * DAY_MS, reason: '' },
      reminded: [],
    };
    await put(world, 'milestones', gate);
    const patent = (await findById(world.db, 'achievements', DEMO.achievementPatent)) as Achievement;
    const achievement: Achievement = {
      ...patent,
      _id: 'ach-trace',
      teamId: DEMO.teamB,
      teamName: claim.teamName,
      title: '点云分割加速方法',
      challengeId: DEMO.challengeSolicit,
      claimId: claim._id,
      status: 'confirmed',
      confirmedAt: now - 1.5 * DAY_MS,
    };
    await put(world, 'achievements', achievement);
    await put(world, 'achievements', {
      ...achievement,
      _id: 'ach-trace-unconfirmed',
      status: 'submitted',
      confirmedAt: 0,
      title: '未确认的成果',
    });
    const base = (await findById(world.db, 'transfers', DEMO.transfer)) as Transfer;
    const confirmed: Transfer = {
      ...base,
      _id: 'transfer-trace-contract',
      teamId: DEMO.teamB,
      teamName: claim.teamName,
      achievementId: null,
      challengeId: DEMO.challengeSolicit,
      needId: DEMO.needSolicit,
      contractNo: '2026-3301-0100',
      amount: 800_000,
      status: 'confirmed',
      decision: { by: DEMO.issuer, at: now - 0.5 * DAY_MS, reason: '', outsideTeam: true },
      createdAt: now - 0.8 * DAY_MS,
    };
    await put(world, 'transfers', confirmed);
    // Recorded on the achievement only, and not yet confirmed: on the line, not in the amount.
    await put(world, 'transfers', {
      ...confirmed,
      _id: 'transfer-trace-pending',
      achievementId: 'ach-trace',
      challengeId: null,
      status: 'pending',
      decision: null,
      amount: 100_000,
      contractNo: '2026-3301-0101',
      createdAt: now - 0.2 * DAY_MS,
    });

    const log = startQueryLog();
    const line = await world.expectOk('need', DEMO.organizer, 'trace', { needId: DEMO.needSolicit }).finally(stopQueryLog);
    // Every link of the line is read (the transfers of the achievements too), each through a declared index.
    expect(new Set(log.map((query) => query.collection))).toEqual(
      new Set(['users', 'orgs', 'needs', 'challenges', 'claims', 'milestones', 'achievements', 'transfers']),
    );
    expect(log.filter((query) => !verdict(query).served)).toEqual([]);
    const kinds = line.entries.map((entry) => `${entry.kind}:${entry.title}`);
    expect(kinds.slice(5)).toEqual([
      'challenge:起草榜单「车载激光雷达点云实时分割」',
      'solicit:录入出题方承诺',
      'solicit:企业确认出题方承诺',
      'solicit:评审专家何教授：同意发榜',
      'challenge:发榜',
      'claim:智算青年突击队 揭榜',
      'claim:智算青年突击队 通过评榜，开始攻关',
      'gate:智算青年突击队 提交节点「实车测试」',
      'gate:节点「实车测试」已通过',
      'achievement:成果「点云分割加速方法」经确认',
      'claim:智算青年突击队：夺榜',
      'challenge:结榜：夺榜',
      'transfer:智算青年突击队 登记成果转化（许可）',
      'transfer:企业确认成果转化（省汽车电子集团）',
      'transfer:智算青年突击队 登记成果转化（许可）',
    ]);
    const times = line.entries.map((entry) => entry.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(line.entries.find((entry) => entry.kind === 'claim')?.link).toEqual({
      page: 'claim',
      id: DEMO.challengeSolicit,
      teamId: DEMO.teamB,
    });
    expect(line.entries.find((entry) => entry.kind === 'achievement')?.link).toEqual({ page: 'achievement', id: 'ach-trace' });
    expect(line.entries.at(-1)?.note).toBe('合同编号 2026-3301-0101，10 万元；待企业确认');
    expect(line.confirmedAmount).toBe(800_000);
  });

  it('gives gate evidence and review notes to the challenge’s reviewers, and experts’ comments to the organizers, cadres, enterprise and experts', async () => {
    const world = await makeWorld();
    const cadre = await makeCadre(world);
    const now = world.clock.now;
    const challenge = (await findById(world.db, 'challenges', DEMO.challengeSolicit)) as Challenge;
    const solicit = challenge.solicit;
    if (!solicit) throw new Error('the demo 征榜 draft has no solicit');
    const experts = solicit.experts.map((slot) => ({
      ...slot,
      verdict: 'returned' as const,
      comment: '验收指标需要量化',
      at: now - 2 * DAY_MS,
    }));
    await put(world, 'challenges', { ...challenge, solicit: { ...solicit, experts } });
    const claim: Claim = {
      _id: `${DEMO.challengeSolicit}_${DEMO.teamB}`,
      challengeId: DEMO.challengeSolicit,
      teamId: DEMO.teamB,
      teamName: '智算青年突击队',
      leaderId: DEMO.leaderB,
      requestId: 'trace-notes-claim',
      plan: { approach: '稀疏卷积', memberIds: [DEMO.leaderB], milestones: [] },
      status: 'accepted',
      appliedAt: now - 4 * DAY_MS,
      review: { by: DEMO.organizer, at: now - 3 * DAY_MS, reason: '' },
      ended: null,
    };
    await put(world, 'claims', claim);
    const gate: Milestone = {
      _id: `${DEMO.challengeSolicit}_${DEMO.teamB}_0`,
      claimId: claim._id,
      challengeId: DEMO.challengeSolicit,
      teamId: DEMO.teamB,
      index: 0,
      title: '实车测试',
      dueAt: now,
      criterion: '帧率 ≥ 10 Hz',
      status: 'submitted',
      evidence: { summary: '夜间工况帧率 9.6 Hz，附测试日志', reference: '', by: DEMO.leaderB, at: now - DAY_MS },
      review: { by: DEMO.organizer, at: now - 1.5 * DAY_MS, reason: '缺少夜间工况数据，请补测' },
      reminded: [],
    };
    await put(world, 'milestones', gate);
    /** The notes of the gate and expert entries, by title. */
    const notes = async (openid: string) => {
      const line = await world.expectOk('need', openid, 'trace', { needId: DEMO.needSolicit });
      const shown = line.entries.filter((entry) => entry.kind === 'gate' || entry.title.startsWith('评审专家'));
      return Object.fromEntries(shown.map((entry) => [entry.title, entry.note]));
    };
    const full = {
      '评审专家何教授：退回修改': '验收指标需要量化',
      '智算青年突击队 提交节点「实车测试」': '夜间工况帧率 9.6 Hz，附测试日志',
      '节点「实车测试」待评审': '缺少夜间工况数据，请补测',
    };
    expect(await notes(DEMO.organizer)).toEqual(full);
    // The enterprise reads how each gate went, not what the team handed in or the reviewer's notes.
    expect(await notes(DEMO.issuer)).toEqual({ ...full, '智算青年突击队 提交节点「实车测试」': '', '节点「实车测试」待评审': '' });
    // A cadre who is no organizer reviews no gate, but reads the experts' comments as on the 征榜 page.
    expect(await notes(cadre)).toEqual({
      '评审专家何教授：退回修改': '验收指标需要量化',
      '智算青年突击队 提交节点「实车测试」': '',
      '节点「实车测试」待评审': '',
    });
  });

  it('is for the need’s enterprise and cadres only', async () => {
    const world = await makeWorld();
    for (const openid of [DEMO.leaderA, DEMO.unitOrganizer, DEMO.newcomer]) {
      expect(await world.invoke('need', openid, 'trace', { needId: DEMO.needSolicit })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

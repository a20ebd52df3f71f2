/**
 * 征榜 before 发榜 (issue 17 §3): a need-born draft is published only after the enterprise confirms the
 * issuer's commitments and every named expert approves; the need hears of each step.
 */
import type { User } from '../../core/types';
import { findById } from '../../server/db/collections';
import { bindExpertCode } from '../../server/handlers/challenge/solicit-bind';
import { hashOrgCode } from '../../server/runtime/org-code';
import { CHALLENGE_FIELDS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const challengeId = DEMO.challengeSolicit;
const TITLE = '车载激光雷达点云实时分割';
const TERMS = {
  resources: '提供 3 台测试车辆和 300 小时标注点云数据。',
  reward: '验收通过后签订 100 万元技术开发合同。',
  acceptance: '在企业测试场实车测试，由企业与专家共同验收。',
};

const detail = (world: World, openid: string) => world.invoke('challenge', openid, 'detail', { challengeId });
const publish = (world: World) => world.invoke('challenge', DEMO.organizer, 'publish', { challengeId });
const approve = (world: World, openid: string = DEMO.expert) =>
  world.expectOk('challenge', openid, 'expertReview', { challengeId, verdict: 'approved', comment: '指标明确，同意发榜。' });

async function inbox(world: World, openid: string) {
  return (await world.expectOk('message', openid, 'inbox', {})).items;
}

async function stepsOfNeed(world: World) {
  return (await findById(world.db, 'needs', DEMO.needSolicit))?.steps.map((step) => step.kind) ?? [];
}

/** Makes 吴桐 (DEMO.newcomer) a cadre of the province the way an organizer does: a one-time code. */
async function makeCadre(world: World) {
  const issued = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: 'org-league-prov', kind: 'cadre' });
  await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: issued.code });
  return DEMO.newcomer;
}

/** Adds a role straight to the user record (as a contact bound before the codes refused the org's own people). */
async function grantRole(world: World, openid: string, role: User['roles'][number]) {
  const user = (await findById(world.db, 'users', openid)) as User;
  await world.db
    .collection('users')
    .doc(openid)
    .update({ data: { roles: world.db.command.set([...user.roles, role]) } });
}

const redeem = (world: World, openid: string, code: string) => world.invoke('need', openid, 'redeemCode', { code });

/** Calls the expert binder directly, inside one transaction (as need.redeemCode does), to reach what the code's own checks stop first. */
async function bindDirectly(world: World, openid: string, code: string) {
  const [record, caller] = await Promise.all([findById(world.db, 'roleCodes', hashOrgCode(code)), findById(world.db, 'users', openid)]);
  if (!record || !caller) throw new Error('code or user missing');
  const ctx = { db: world.db, openid, openapi: world.cloud.openapi, storage: world.cloud.storage, now: () => world.clock.now };
  try {
    const data = await world.db.runTransaction((tx) => bindExpertCode({ ctx, tx, caller, code: record, now: world.clock.now }));
    return { ok: true as const, data };
  } catch (error) {
    const { code: errorCode, message } = error as { code: string; message: string };
    return { ok: false as const, code: errorCode, message };
  }
}

describe('征榜 before 发榜', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('publishes a 征榜 draft only after the enterprise confirms and every expert approves, telling the enterprise', async () => {
    expect(await publish(world)).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '发榜前还需：企业确认出题方承诺；何教授评审通过',
    });

    const confirmed = await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    expect(confirmed.solicit).toMatchObject({
      commitmentsConfirmed: { byName: '钱工' },
      blockers: ['何教授评审通过'],
      viewer: { canConfirm: false },
    });
    expect(await stepsOfNeed(world)).toContain('commitmentsConfirmed');
    expect(await publish(world)).toMatchObject({ ok: false, message: '发榜前还需：何教授评审通过' });

    const reviewed = await approve(world);
    expect(reviewed.solicit).toMatchObject({
      experts: [{ name: '何教授', bound: true, verdict: 'approved' }],
      blockers: [],
      viewer: { expertSlot: 0 },
    });

    const before = (await inbox(world, DEMO.issuer)).length;
    const published = await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId });
    expect(published).toMatchObject({ status: 'open', needId: DEMO.needSolicit, solicit: { blockers: [] } });
    expect((await stepsOfNeed(world)).at(-1)).toBe('challengePublished');
    const told = await inbox(world, DEMO.issuer);
    expect(told).toHaveLength(before + 1);
    expect(told).toContainEqual(
      expect.objectContaining({ title: `需求「${TITLE}」有新进展`, body: `榜单「${TITLE}」已发榜，开始接受揭榜` }),
    );

    // Published: the review is over, and anyone sees the commitments without the experts' comments.
    const late = { challengeId, verdict: 'approved' as const, comment: '' };
    expect(await world.invoke('challenge', DEMO.expert, 'expertReview', late)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    const seen = await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId });
    expect(seen.solicit).toMatchObject({ commitments: { reward: '验收通过后签订 80 万元技术开发合同。' }, experts: [{ comment: '' }] });
  });

  it('sends the draft back to review when the commitments change after approval', async () => {
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await approve(world);
    const changed = await world.expectOk('challenge', DEMO.organizer, 'setCommitments', { challengeId, ...TERMS });
    expect(changed.solicit).toMatchObject({
      commitments: TERMS,
      commitmentsConfirmed: null,
      experts: [{ verdict: 'pending', comment: '指标明确，同意发榜。' }],
      blockers: ['企业确认出题方承诺', '何教授评审通过'],
    });
    expect(await inbox(world, DEMO.issuer)).toContainEqual(expect.objectContaining({ body: '团组织更新了出题方承诺，请确认' }));
    expect(await inbox(world, DEMO.expert)).toContainEqual(expect.objectContaining({ title: `「${TITLE}」征榜内容已修改，请重新评审` }));
    expect(await publish(world)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    // The same terms again (a retry) are no change: the enterprise's new confirmation stands.
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    const again = await world.expectOk('challenge', DEMO.organizer, 'setCommitments', { challengeId, ...TERMS });
    expect(again.solicit?.commitmentsConfirmed).not.toBeNull();
  });

  it('sends the draft back to review when the organizer edits it after approval', async () => {
    await approve(world);
    const edited = await world.expectOk('challenge', DEMO.organizer, 'update', { ...CHALLENGE_FIELDS, challengeId });
    expect(edited.solicit?.experts).toMatchObject([{ verdict: 'pending' }]);
    expect(edited.title).toBe(CHALLENGE_FIELDS.title);
  });

  it('tells the organizers when an expert returns the draft, with the comment', async () => {
    const refused = await world.invoke('challenge', DEMO.expert, 'expertReview', { challengeId, verdict: 'returned', comment: '' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '退回修改时请写明意见（至少 4 个字）' });

    const comment = '请补充低温工况下的帧率测试条件。';
    const returned = await world.expectOk('challenge', DEMO.expert, 'expertReview', { challengeId, verdict: 'returned', comment });
    expect(returned.solicit?.experts).toMatchObject([{ verdict: 'returned', comment }]);
    expect(await inbox(world, DEMO.organizer)).toContainEqual(
      expect.objectContaining({ title: `「${TITLE}」征榜评审退回修改`, body: `评审专家何教授将「${TITLE}」退回修改，意见：${comment}` }),
    );
    expect(await publish(world)).toMatchObject({ ok: false, message: '发榜前还需：企业确认出题方承诺；何教授评审通过' });
  });

  it('invites an expert with a one-time code that binds an outside reviewer, who then reviews it', async () => {
    const issued = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    expect(issued).toMatchObject({ kind: 'expert', label: `征榜评审：${TITLE}` });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await findById(world.db, 'roleCodes', hashOrgCode(issued.code))).toMatchObject({ scopeId: `${challengeId}_1`, usedBy: null });

    // Experts review from outside: not the organizer over the challenge, not the enterprise's contact; the code stays unused.
    const redeemAs = (openid: string) => world.invoke('need', openid, 'redeemCode', { code: issued.code });
    expect(await redeemAs(DEMO.organizer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await redeemAs(DEMO.issuer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await findById(world.db, 'roleCodes', hashOrgCode(issued.code))).toMatchObject({ usedBy: null });

    const newcomer = DEMO.applicant;
    expect(await world.expectOk('challenge', newcomer, 'reviewing', {})).toEqual([]);
    expect(await redeemAs(newcomer)).toMatchObject({ ok: true, data: { kind: 'expert', scopeId: challengeId } });
    expect(await findById(world.db, 'challenges', challengeId)).toMatchObject({ expertIds: [DEMO.expert, newcomer] });
    // A slot is one person's: binding it again for someone else is refused by the binder itself.
    expect(await bindDirectly(world, DEMO.memberB, issued.code)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    expect((await world.expectOk('challenge', newcomer, 'reviewing', {})).map((card) => card.id)).toEqual([challengeId]);
    const seen = await world.expectOk('challenge', newcomer, 'detail', { challengeId });
    expect(seen.solicit).toMatchObject({
      experts: [{ name: '何教授' }, { slot: 1, name: '周研究员', bound: true, verdict: 'pending' }],
      viewer: { expertSlot: 1, canConfirm: false },
    });
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await approve(world);
    expect(await publish(world)).toMatchObject({ ok: false, message: '发榜前还需：周研究员评审通过' });
    await approve(world, newcomer);
    expect(await publish(world)).toMatchObject({ ok: true });
  });

  it('names at most five experts, and an unbound one blocks publishing', async () => {
    for (const name of ['甲专家', '乙专家', '丙专家', '丁专家']) {
      await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name });
    }
    expect(await world.invoke('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '戊专家' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '每个榜单最多邀请 5 位评审专家',
    });
    expect((await world.expectOk('challenge', DEMO.organizer, 'detail', { challengeId })).solicit?.blockers).toContain(
      '甲专家用评审码绑定',
    );
  });

  it('opens the draft to the enterprise and its experts only', async () => {
    expect(await detail(world, DEMO.issuer)).toMatchObject({
      ok: true,
      data: { solicit: { viewer: { canConfirm: true, expertSlot: null } } },
    });
    expect(await detail(world, DEMO.expert)).toMatchObject({ ok: true, data: { needId: DEMO.needSolicit, viewer: { canManage: false } } });
    expect(await detail(world, DEMO.organizer)).toMatchObject({
      ok: true,
      data: { viewer: { canManage: true }, solicit: { needTitle: TITLE } },
    });
    for (const openid of [DEMO.newcomer, DEMO.memberA, DEMO.unitOrganizer]) {
      expect(await detail(world, openid)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    // The enterprise confirms; it does not manage or review.
    expect(await world.invoke('challenge', DEMO.issuer, 'publish', { challengeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.invoke('challenge', DEMO.expert, 'confirmCommitments', { challengeId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('publishes a draft that did not come from a need exactly as before', async () => {
    const draft = await world.expectOk('challenge', DEMO.organizer, 'create', {
      ...CHALLENGE_FIELDS,
      leagueOrgId: 'org-league-prov',
      requestId: 'solicit-test-0001',
    });
    expect(draft).toMatchObject({ solicit: null, needId: null });
    expect(await world.invoke('challenge', DEMO.organizer, 'setCommitments', { challengeId: draft.id, ...TERMS })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect(await world.invoke('challenge', DEMO.organizer, 'publish', { challengeId: draft.id })).toMatchObject({
      ok: true,
      data: { status: 'open' },
    });
  });

  it('keeps a 征榜 draft: it is cancelled with a reason, not deleted, and the enterprise hears of it', async () => {
    expect(await world.invoke('challenge', DEMO.organizer, 'discard', { challengeId })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    const reason = '企业调整研发计划，暂不发榜';
    expect(await world.expectOk('challenge', DEMO.organizer, 'cancel', { challengeId, reason })).toMatchObject({ status: 'cancelled' });
    const need = await findById(world.db, 'needs', DEMO.needSolicit);
    expect(need?.steps.at(-1)).toMatchObject({ kind: 'challengeEnded', note: `榜单「${TITLE}」已撤榜，原因：${reason}` });
    expect(await inbox(world, DEMO.issuer)).toContainEqual(expect.objectContaining({ body: `榜单「${TITLE}」已撤榜，原因：${reason}` }));
  });

  it('leads from an achievement back to the need its challenge came from', async () => {
    const paper = await findById(world.db, 'achievements', DEMO.achievementPaper);
    const solicit = { needId: DEMO.needSolicit, enterpriseId: DEMO.enterprise, commitments: null, commitmentsConfirmed: null, experts: [] };
    await world.db
      .collection('challenges')
      .doc(paper?.challengeId ?? '')
      .update({ data: { solicit } });
    expect(await world.expectOk('achievement', DEMO.newcomer, 'detail', { achievementId: DEMO.achievementPaper })).toMatchObject({
      needId: DEMO.needSolicit,
    });
    expect(await world.expectOk('achievement', DEMO.newcomer, 'detail', { achievementId: DEMO.achievementPatent })).toMatchObject({
      needId: null,
    });
  });
});

describe('征榜 review, as the attack pass found it', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('refuses the commitments’ confirmation to an organizer over the challenge who also holds the enterprise’s role', async () => {
    await grantRole(world, DEMO.organizer, { role: 'enterprise', scopeId: DEMO.enterprise });
    expect((await world.expectOk('challenge', DEMO.organizer, 'detail', { challengeId })).solicit?.viewer.canConfirm).toBe(false);
    const before = await world.snapshot();
    expect(await world.invoke('challenge', DEMO.organizer, 'confirmCommitments', { challengeId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('不能代企业确认出题方承诺'),
    });
    expect(await world.snapshot()).toEqual(before);
  });

  it('issues a fresh code for an expert who has not bound yet instead of a second slot, retiring the old code', async () => {
    const first = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    world.clock.now += 1000;
    const second = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    expect(second.code).not.toBe(first.code);
    const stored = await findById(world.db, 'challenges', challengeId);
    expect(stored?.solicit?.experts.map((expert) => `${expert.slot}:${expert.name}`)).toEqual(['0:何教授', '1:周研究员']);
    expect(await findById(world.db, 'roleCodes', hashOrgCode(first.code))).toMatchObject({ usedBy: null, expiresAt: world.clock.now });
    expect(await findById(world.db, 'roleCodes', hashOrgCode(second.code))).toMatchObject({ scopeId: `${challengeId}_1` });
    const audits = await world.db.collection('audit').where({ fn: 'challenge', action: 'inviteExpert' }).get();
    expect(audits.data.map((entry) => entry.summary)).toContainEqual(expect.stringContaining('重新生成评审专家周研究员的评审码'));

    // The old code no longer binds (and the binder alone refuses it too, should both redeem at once).
    expect(await redeem(world, DEMO.applicant, first.code)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(await bindDirectly(world, DEMO.applicant, first.code)).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('已被团组织重新生成的评审码取代'),
    });
    expect(await redeem(world, DEMO.applicant, second.code)).toMatchObject({ ok: true });

    // A bound expert's name gets no second code.
    expect(await world.invoke('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '何教授' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('何教授已用评审码绑定'),
    });
  });

  it('removes an expert with a reason kept on record, tells them and the enterprise, and publishes once the rest approve', async () => {
    const issued = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    await redeem(world, DEMO.applicant, issued.code);
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await approve(world, DEMO.applicant);
    expect(await publish(world)).toMatchObject({ ok: false, message: '发榜前还需：何教授评审通过' });

    const reason = '何教授近期出国，无法参加评审';
    const removed = await world.expectOk('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 0, reason });
    expect(removed.solicit).toMatchObject({ experts: [{ slot: 1, name: '周研究员', verdict: 'approved' }], blockers: [] });
    const stored = await findById(world.db, 'challenges', challengeId);
    expect(stored?.solicit?.removedExperts).toEqual([
      expect.objectContaining({
        slot: 0,
        name: '何教授',
        userId: DEMO.expert,
        removed: { by: DEMO.organizer, at: world.clock.now, reason },
      }),
    ]);
    expect(stored?.expertIds).toEqual([DEMO.applicant]);
    expect((await findById(world.db, 'needs', DEMO.needSolicit))?.steps.at(-1)).toMatchObject({
      kind: 'edited',
      note: `团组织移除了评审专家何教授，原因：${reason}`,
    });
    expect(await inbox(world, DEMO.issuer)).toContainEqual(
      expect.objectContaining({ body: `团组织移除了评审专家何教授，原因：${reason}` }),
    );
    expect(await inbox(world, DEMO.expert)).toContainEqual(
      expect.objectContaining({ title: `「${TITLE}」你已不再担任征榜评审专家`, body: expect.stringContaining(reason) }),
    );
    const [entry] = (await world.db.collection('audit').where({ fn: 'challenge', action: 'removeExpert' }).get()).data;
    expect(entry).toMatchObject({ orgId: 'org-league-prov', summary: `移除评审专家何教授：${reason}` });

    // The removed expert reviews and reads the draft no more; a retry answers as the first did.
    expect(await world.invoke('challenge', DEMO.expert, 'expertReview', { challengeId, verdict: 'approved', comment: '' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await detail(world, DEMO.expert)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await world.invoke('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 0, reason })).toMatchObject({ ok: true });
    expect(await world.invoke('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 7, reason })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });

    expect(await publish(world)).toMatchObject({ ok: true, data: { status: 'open' } });
    expect(await world.invoke('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 1, reason })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('needs one expert left to publish, retires an unbound expert’s code, and never gives a removed slot’s number again', async () => {
    const issued = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    await world.expectOk('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 1, reason: '评审码未使用，改请他人' });
    expect(await findById(world.db, 'roleCodes', hashOrgCode(issued.code))).toMatchObject({ expiresAt: world.clock.now });
    const left = await world.expectOk('challenge', DEMO.organizer, 'removeExpert', { challengeId, slot: 0, reason: '专家时间冲突' });
    expect(left.solicit?.blockers).toEqual(['企业确认出题方承诺', '邀请至少一位评审专家']);

    const next = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '李研究员' });
    expect(await findById(world.db, 'roleCodes', hashOrgCode(next.code))).toMatchObject({ scopeId: `${challengeId}_2` });
    // The removed slot's code finds no slot, even bound directly.
    expect(await bindDirectly(world, DEMO.applicant, issued.code)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('sets aside the enterprise’s confirmation when the organizer edits the draft after it, and tells the enterprise', async () => {
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await approve(world);
    const before = (await inbox(world, DEMO.issuer)).length;
    const edited = await world.expectOk('challenge', DEMO.organizer, 'update', { ...CHALLENGE_FIELDS, challengeId });
    expect(edited.solicit).toMatchObject({
      commitmentsConfirmed: null,
      experts: [{ verdict: 'pending' }],
      blockers: ['企业确认出题方承诺', '何教授评审通过'],
    });
    const note = '团组织修改了榜单草稿，请重新确认出题方承诺';
    expect((await findById(world.db, 'needs', DEMO.needSolicit))?.steps.at(-1)).toMatchObject({ kind: 'edited', note });
    const told = await inbox(world, DEMO.issuer);
    expect(told).toHaveLength(before + 1);
    expect(told).toContainEqual(expect.objectContaining({ body: note }));
    expect(await publish(world)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    // The same save again is no change: the enterprise's new confirmation stands.
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    const again = await world.expectOk('challenge', DEMO.organizer, 'update', { ...CHALLENGE_FIELDS, challengeId });
    expect(again.solicit?.commitmentsConfirmed).not.toBeNull();
  });

  it('refuses a cadre of the challenge’s org as an expert, and lets them read the draft without managing it', async () => {
    const cadre = await makeCadre(world);
    const seen = await world.expectOk('challenge', cadre, 'detail', { challengeId });
    expect(seen).toMatchObject({ viewer: { canManage: false }, solicit: { needTitle: TITLE, viewer: { canConfirm: false } } });
    expect(await world.invoke('challenge', cadre, 'publish', { challengeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const issued = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId, name: '周研究员' });
    expect(await redeem(world, cadre, issued.code)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('接单干部不能绑定为评审专家'),
    });
    expect(await findById(world.db, 'roleCodes', hashOrgCode(issued.code))).toMatchObject({ usedBy: null });
  });

  it('shows readers outside a published 征榜 neither who confirmed it nor the title of a need that is not public', async () => {
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await approve(world);
    await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId });

    const outside = await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId });
    expect(outside.solicit).toMatchObject({ needTitle: TITLE, commitmentsConfirmed: { byName: '企业联系人' } });
    expect((await world.expectOk('challenge', DEMO.issuer, 'detail', { challengeId })).solicit?.commitmentsConfirmed?.byName).toBe('钱工');

    await world.db
      .collection('needs')
      .doc(DEMO.needSolicit)
      .update({ data: { visibility: 'organizers' } });
    expect((await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId })).solicit).toMatchObject({
      needTitle: '',
      enterpriseName: '省汽车电子集团',
    });
    for (const openid of [DEMO.issuer, DEMO.organizer, DEMO.expert]) {
      expect((await world.expectOk('challenge', openid, 'detail', { challengeId })).solicit?.needTitle).toBe(TITLE);
    }
  });
});

/**
 * 征榜 before 发榜 (issue 17 §3): a need-born draft is published only after the enterprise confirms the
 * issuer's commitments and every named expert approves; the need hears of each step.
 */
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

import { validate } from '../../core/validate';
import { createChallengeInput } from '../../core/schemas/challenge';
import { DAY_MS, shanghaiDay } from '../../core/time';
import type { ActionInput } from '../../core/api';
import { CHALLENGE_FIELDS } from '../helpers/valid-inputs';
import { seedRaceTeams } from '../../devcloud/seed-race';
import { DEMO, makeWorld, type World } from '../helpers/world';

type ClaimIn = ActionInput<'challenge', 'claim'>;

const dayAfter = (world: World, days: number) => shanghaiDay(world.clock.now + days * DAY_MS);

async function draft(world: World, overrides: Partial<typeof CHALLENGE_FIELDS> = {}, requestId = 'challenge-req-01') {
  return world.expectOk('challenge', DEMO.organizer, 'create', {
    ...CHALLENGE_FIELDS,
    claimDeadline: dayAfter(world, 10),
    deliveryDeadline: dayAfter(world, 120),
    ...overrides,
    leagueOrgId: 'org-league-prov',
    requestId,
  });
}

async function published(world: World, overrides: Partial<typeof CHALLENGE_FIELDS> = {}, requestId?: string) {
  const created = await draft(world, overrides, requestId);
  return world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId: created.id });
}

function plan(world: World, teamId: string, challengeId: string, memberIds: string[], requestId: string): ClaimIn {
  return {
    teamId,
    challengeId,
    approach: '自研故障注入框架，结合形式化验证逐步覆盖。',
    memberIds,
    milestones: [
      { title: '框架原型', dueDate: dayAfter(world, 30), criterion: '完成 1000 个故障点注入' },
      { title: '双芯片验证', dueDate: dayAfter(world, 90), criterion: '两款芯片验证周期 ≤ 14 天' },
    ],
    requestId,
  };
}

async function inboxTitles(world: World, openid: string) {
  return (await world.expectOk('message', openid, 'inbox', {})).items.map((item) => item.title);
}

describe('challenge schema', () => {
  it('refuses impossible dates, dates out of order and a challenge without targets', () => {
    expect(
      validate(createChallengeInput, { ...CHALLENGE_FIELDS, leagueOrgId: 'o', requestId: 'req-000001', claimDeadline: '2026-02-30' }),
    ).toMatchObject({
      message: '揭榜截止日期不是有效的日期',
    });
    expect(
      validate(createChallengeInput, {
        ...CHALLENGE_FIELDS,
        leagueOrgId: 'o',
        requestId: 'req-000001',
        deliveryDeadline: CHALLENGE_FIELDS.claimDeadline,
      }),
    ).toMatchObject({ message: '交付截止日期须晚于揭榜截止日期' });
    expect(validate(createChallengeInput, { ...CHALLENGE_FIELDS, leagueOrgId: 'o', requestId: 'req-000001', targets: [] })).toMatchObject({
      message: '请至少填写 1 项可衡量的考核指标',
    });
  });
});

describe('揭榜挂帅: publish, claim, select, gate, close', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('runs a race from draft to a winner, keeping the stopped track on record', async () => {
    const created = await draft(world);
    expect(created).toMatchObject({ status: 'draft', stage: 0, places: 3, viewer: { canManage: true } });
    expect(created.viewer.reviewerCode).toMatch(/^[A-Z0-9]{8}$/);
    // A draft is the organizer's own: others cannot see it.
    expect(await world.invoke('challenge', DEMO.leaderA, 'detail', { challengeId: created.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(
      await world.invoke('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, created.id, [DEMO.leaderA], 'claim-a-0001')),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });

    const open = await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId: created.id });
    expect(open).toMatchObject({ status: 'open', stage: 1, daysLeft: 10 });
    const seenByLeader = await world.expectOk('challenge', DEMO.leaderA, 'detail', { challengeId: created.id });
    expect(seenByLeader.viewer).toMatchObject({ canManage: false, canReview: false, reviewerCode: null, claimClosedReason: null });
    expect(seenByLeader.viewer.leaderTeams).toEqual([{ teamId: DEMO.teamA, teamName: '车规级芯片青年突击队', claimed: false }]);
    expect(seenByLeader.issuerPhone).toBeNull();

    const claimA = await world.expectOk(
      'challenge',
      DEMO.leaderA,
      'claim',
      plan(world, DEMO.teamA, created.id, [DEMO.leaderA, DEMO.memberA], 'claim-a-0001'),
    );
    expect(claimA).toMatchObject({ status: 'applied', viewer: { isLeader: true, canReview: false } });
    world.clock.now += 1000;
    await world.expectOk('challenge', DEMO.leaderB, 'claim', plan(world, DEMO.teamB, created.id, [DEMO.leaderB], 'claim-b-0001'));
    expect((await world.expectOk('challenge', DEMO.leaderA, 'detail', { challengeId: created.id })).stage).toBe(2);

    // The plan is for the team and the reviewers; the public sees the status only.
    const publicView = await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId: created.id });
    expect(publicView.claims.map((claim) => [claim.teamName, claim.status, claim.plan])).toEqual([
      ['车规级芯片青年突击队', 'applied', null],
      ['大模型推理加速青年突击队', 'applied', null],
    ]);

    for (const teamId of [DEMO.teamA, DEMO.teamB]) {
      world.clock.now += 1000;
      await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', { challengeId: created.id, teamId, decision: 'accept', reason: '' });
    }
    const racing = await world.expectOk('challenge', DEMO.organizer, 'detail', { challengeId: created.id });
    expect(racing).toMatchObject({ status: 'in_progress', stage: 3, acceptedCount: 2 });
    expect(racing.claims.every((claim) => claim.milestones?.length === 2)).toBe(true);
    expect(await inboxTitles(world, DEMO.leaderA)).toContain(`「${CHALLENGE_FIELDS.title}」入选`);

    // Team A passes its first gate; team B is stopped at its first.
    const gateA = `${created.id}_${DEMO.teamA}_1`;
    const gateB = `${created.id}_${DEMO.teamB}_1`;
    const early = await world.invoke('challenge', DEMO.organizer, 'reviewMilestone', {
      challengeId: created.id,
      milestoneId: gateA,
      decision: 'pass',
      note: '',
    });
    expect(early).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '队伍提交进展和依据后才能评审通过' });
    const secondFirst = await world.invoke('challenge', DEMO.leaderA, 'submitMilestone', {
      teamId: DEMO.teamA,
      milestoneId: `${created.id}_${DEMO.teamA}_2`,
      summary: '跳过第一个节点',
      reference: '报告 HX-000',
    });
    expect(secondFirst).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '请先完成前一个节点的评审' });
    await world.expectOk('challenge', DEMO.leaderA, 'submitMilestone', {
      teamId: DEMO.teamA,
      milestoneId: gateA,
      summary: '完成故障注入框架原型，在样片上注入 1200 个故障点。',
      reference: '测试报告 HX-2026-118',
    });
    const passed = await world.expectOk('challenge', DEMO.organizer, 'reviewMilestone', {
      challengeId: created.id,
      milestoneId: gateA,
      decision: 'pass',
      note: '报告可复现',
    });
    expect(passed.milestones?.[0]).toMatchObject({
      status: 'passed',
      evidence: { reference: '测试报告 HX-2026-118', byName: '李航' },
      review: { byName: '王敏' },
    });
    expect(passed.passedCount).toBe(1);

    const noReason = await world.invoke('challenge', DEMO.organizer, 'reviewMilestone', {
      challengeId: created.id,
      milestoneId: gateB,
      decision: 'stop',
      note: '',
    });
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请写明止步的原因' });
    const stopped = await world.expectOk('challenge', DEMO.organizer, 'reviewMilestone', {
      challengeId: created.id,
      milestoneId: gateB,
      decision: 'stop',
      note: '节点到期未提交可核验的依据',
    });
    expect(stopped).toMatchObject({ status: 'stopped', ended: { reason: '节点到期未提交可核验的依据' } });
    expect(stopped.milestones?.map((m) => m.status)).toEqual(['stopped', 'stopped']);
    expect(await inboxTitles(world, DEMO.leaderB)).toContain('节点「框架原型」已止步');
    const afterStop = await world.invoke('challenge', DEMO.leaderB, 'submitMilestone', {
      teamId: DEMO.teamB,
      milestoneId: gateB,
      summary: '补交进展说明',
      reference: '报告 ZS-1',
    });
    expect(afterStop).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    const stoppedWinner = await world.invoke('challenge', DEMO.organizer, 'close', {
      challengeId: created.id,
      result: 'success',
      winners: [DEMO.teamB],
      summary: '试图让止步队伍夺榜',
    });
    expect(stoppedWinner).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const closed = await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: created.id,
      result: 'success',
      winners: [DEMO.teamA],
      summary: '故障注入覆盖率 99.3%，验证周期 12 天。',
    });
    expect(closed).toMatchObject({ status: 'completed', stage: 4, outcome: { result: 'success', winnerNames: ['车规级芯片青年突击队'] } });
    expect(closed.claims.map((claim) => [claim.teamId, claim.status])).toEqual([
      [DEMO.teamA, 'won'],
      [DEMO.teamB, 'stopped'],
    ]);

    const teamA = await world.expectOk('challenge', DEMO.newcomer, 'teamClaims', { teamId: DEMO.teamA });
    expect(teamA).toEqual([expect.objectContaining({ challengeId: created.id, status: 'won', passedCount: 1, milestoneCount: 2 })]);
    const teamB = await world.expectOk('challenge', DEMO.newcomer, 'teamClaims', { teamId: DEMO.teamB });
    expect(teamB.map((claim) => [claim.challengeTitle, claim.status])).toEqual(
      expect.arrayContaining([
        [CHALLENGE_FIELDS.title, 'stopped'],
        ['国产算力大模型推理时延优化', 'won'],
      ]),
    );
    expect(await inboxTitles(world, DEMO.leaderA)).toContain(`「${CHALLENGE_FIELDS.title}」夺榜`);

    // Closed challenges stay browsable on the board.
    const closedBoard = await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'closed' });
    expect(closedBoard.items.map((item) => item.id)).toEqual(expect.arrayContaining([created.id, DEMO.challengeDone]));
    const audit = await world.db.collection('audit').where({ fn: 'challenge' }).count();
    expect(audit.total).toBeGreaterThanOrEqual(9);
  });

  it('in single mode, accepting one team closes the other claims as not selected', async () => {
    const challenge = await published(world, { mode: 'single', maxTeams: 1 });
    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0002'));
    world.clock.now += 1000;
    await world.expectOk('challenge', DEMO.leaderB, 'claim', plan(world, DEMO.teamB, challenge.id, [DEMO.leaderB], 'claim-b-0002'));
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamB,
      decision: 'accept',
      reason: '方案最完整',
    });
    const detail = await world.expectOk('challenge', DEMO.organizer, 'detail', { challengeId: challenge.id });
    expect(detail.claims.map((claim) => [claim.teamId, claim.status])).toEqual([
      [DEMO.teamA, 'not_selected'],
      [DEMO.teamB, 'accepted'],
    ]);
    expect(detail.viewer.claimClosedReason).toBe('该榜单的名额已满');
    expect(await inboxTitles(world, DEMO.leaderA)).toContain(`「${CHALLENGE_FIELDS.title}」未入选`);
    const late = await world.invoke('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamA,
      decision: 'accept',
      reason: '',
    });
    expect(late).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    const twoWinners = await world.invoke('challenge', DEMO.organizer, 'close', {
      challengeId: challenge.id,
      result: 'success',
      winners: [DEMO.teamA, DEMO.teamB],
      summary: '两队都算',
    });
    expect(twoWinners).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '单一擂主模式只能有一支夺榜队伍' });
  });

  it('allows one claim per team: a repeated tap is one claim, a second claim is refused; withdraw only before review', async () => {
    const challenge = await published(world);
    const input = plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0003');
    const [first, second] = await Promise.all([
      world.expectOk('challenge', DEMO.leaderA, 'claim', input),
      world.expectOk('challenge', DEMO.leaderA, 'claim', input),
    ]);
    expect(first.status).toBe('applied');
    expect(second.status).toBe('applied');
    expect((await world.db.collection('claims').where({ challengeId: challenge.id }).count()).total).toBe(1);
    expect((await world.expectOk('challenge', DEMO.leaderA, 'detail', { challengeId: challenge.id })).claimCount).toBe(1);
    const again = await world.invoke('challenge', DEMO.leaderA, 'claim', { ...input, requestId: 'claim-a-0004' });
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE', message: '本队已揭过这个榜，每支队伍对一个榜单只能揭榜一次' });

    const withdrawn = await world.expectOk('challenge', DEMO.leaderA, 'withdraw', { teamId: DEMO.teamA, challengeId: challenge.id });
    expect(withdrawn.status).toBe('withdrawn');
    expect((await world.expectOk('challenge', DEMO.leaderA, 'detail', { challengeId: challenge.id })).claimCount).toBe(0);
    expect(await world.invoke('challenge', DEMO.leaderA, 'withdraw', { teamId: DEMO.teamA, challengeId: challenge.id })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    // A member who is not the leader cannot claim for the team.
    expect(await world.invoke('challenge', DEMO.memberA, 'claim', { ...input, requestId: 'claim-a-0005' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses claims with outsiders, dates past delivery, or after the deadline', async () => {
    const challenge = await published(world);
    const outsider = await world.invoke(
      'challenge',
      DEMO.leaderA,
      'claim',
      plan(world, DEMO.teamA, challenge.id, [DEMO.memberB], 'claim-a-0006'),
    );
    expect(outsider).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '参与成员须为本队成员' });
    const tooLate = plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0007');
    tooLate.milestones = [{ title: '交付', dueDate: dayAfter(world, 400), criterion: '交付全部成果' }];
    expect(await world.invoke('challenge', DEMO.leaderA, 'claim', tooLate)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    world.clock.now += 11 * DAY_MS;
    const afterDeadline = await world.invoke(
      'challenge',
      DEMO.leaderA,
      'claim',
      plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0008'),
    );
    expect(afterDeadline).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '揭榜已截止' });
    expect((await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId: challenge.id })).stage).toBe(3);
  });

  it('refuses transitions the state machine does not allow, and writes nothing', async () => {
    const challenge = await published(world);
    const before = await world.snapshot();
    expect(await world.invoke('challenge', DEMO.organizer, 'publish', { challengeId: challenge.id })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect(
      await world.invoke('challenge', DEMO.organizer, 'close', {
        challengeId: challenge.id,
        result: 'success',
        winners: [DEMO.teamA],
        summary: '尚无入选队伍',
      }),
    ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(
      await world.invoke('challenge', DEMO.organizer, 'reviewClaim', {
        challengeId: challenge.id,
        teamId: DEMO.teamA,
        decision: 'accept',
        reason: '',
      }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await world.snapshot()).toEqual(before);

    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0009'));
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamA,
      decision: 'accept',
      reason: '',
    });
    expect(await world.invoke('challenge', DEMO.organizer, 'cancel', { challengeId: challenge.id, reason: '需求方撤回' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '已有队伍入选的榜单不能撤销，请以「未成功」结榜并写明原因',
    });
    expect(await world.invoke('challenge', DEMO.leaderA, 'withdraw', { teamId: DEMO.teamA, challengeId: challenge.id })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '评榜之后不能撤回揭榜',
    });
    expect(
      await world.invoke('challenge', DEMO.organizer, 'reviewClaim', {
        challengeId: challenge.id,
        teamId: DEMO.teamA,
        decision: 'reject',
        reason: '改判',
      }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });

    // 宽容失败: a failed close records the reasons and ends the accepted claim as failed, not deleted.
    const failed = await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: challenge.id,
      result: 'failed',
      winners: [],
      summary: '关键器件断供，指标未能达成，经验已形成报告。',
    });
    expect(failed).toMatchObject({
      status: 'failed',
      outcome: { result: 'failed', summary: '关键器件断供，指标未能达成，经验已形成报告。' },
    });
    expect(failed.claims[0]).toMatchObject({ status: 'failed' });
    expect(failed.claims[0].milestones?.map((m) => m.status)).toEqual(['closed', 'closed']);
    expect(await world.invoke('challenge', DEMO.organizer, 'update', { ...CHALLENGE_FIELDS, challengeId: challenge.id })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('cancels an open challenge with a reason and tells the claiming teams', async () => {
    const challenge = await published(world);
    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0010'));
    const cancelled = await world.expectOk('challenge', DEMO.organizer, 'cancel', {
      challengeId: challenge.id,
      reason: '需求方已另行解决',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: { reason: '需求方已另行解决' } });
    expect(cancelled.claims[0].status).toBe('cancelled');
    expect(await inboxTitles(world, DEMO.leaderA)).toContain(`「${CHALLENGE_FIELDS.title}」已撤榜`);
  });

  it('logs changes to targets and deadlines after publishing and shows them to claiming teams', async () => {
    const challenge = await published(world);
    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0011'));
    const edit = {
      ...CHALLENGE_FIELDS,
      challengeId: challenge.id,
      claimDeadline: dayAfter(world, 17),
      deliveryDeadline: dayAfter(world, 120),
      targets: [{ indicator: '故障注入覆盖率', value: '≥ 99.5', unit: '%' }],
    };
    const edited = await world.expectOk('challenge', DEMO.organizer, 'update', edit);
    expect(edited.changes).toHaveLength(1);
    expect(edited.changes[0].fields).toEqual(['targets', 'claimDeadline']);
    expect(edited.changes[0].note).toContain('故障注入覆盖率 ≥ 99.5%');
    expect(edited.changes[0].byName).toBe('王敏');
    expect(await inboxTitles(world, DEMO.leaderA)).toContain(`「${CHALLENGE_FIELDS.title}」考核要求或时间节点变更`);
    const modeChange = await world.invoke('challenge', DEMO.organizer, 'update', { ...edit, mode: 'single' });
    expect(modeChange).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '发榜后不能修改揭榜模式和并行队伍数' });
    // Only the publishing org's organizers may edit.
    expect(await world.invoke('challenge', DEMO.unitOrganizer, 'update', edit)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets the issuer contact bind with the review code and review, but never their own team', async () => {
    const challenge = await published(world);
    const code = challenge.viewer.reviewerCode ?? '';
    const bound = await world.expectOk('challenge', DEMO.memberA, 'bindReviewer', { code: code.toLowerCase() });
    expect(bound.id).toBe(challenge.id);
    // The bind page opens the challenge's detail next: the new reviewer sees it as one.
    const detail = await world.expectOk('challenge', DEMO.memberA, 'detail', { challengeId: bound.id });
    expect(detail.viewer).toMatchObject({ canReview: true, canManage: false, reviewerCode: null });
    expect(detail.reviewerName).toBe('张晓');
    expect(await world.invoke('challenge', DEMO.issuer, 'bindReviewer', { code })).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0012'));
    await world.expectOk('challenge', DEMO.leaderB, 'claim', plan(world, DEMO.teamB, challenge.id, [DEMO.leaderB], 'claim-b-0012'));
    const ownTeam = await world.invoke('challenge', DEMO.memberA, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamA,
      decision: 'accept',
      reason: '',
    });
    expect(ownTeam).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '你是该队成员，不能评审本队的揭榜或节点' });
    const rejectNoReason = await world.invoke('challenge', DEMO.memberA, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamB,
      decision: 'reject',
      reason: '',
    });
    expect(rejectNoReason).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请写明不入选的原因' });
    const rejected = await world.expectOk('challenge', DEMO.memberA, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamB,
      decision: 'reject',
      reason: '方案与需求方向不符',
    });
    expect(rejected).toMatchObject({ status: 'rejected', review: { reason: '方案与需求方向不符' } });
    expect(await world.invoke('challenge', DEMO.newcomer, 'bindReviewer', { code: 'ZZZZZZZZ' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('closing: each team records and hears its own outcome', () => {
  const TEAM_A = '车规级芯片青年突击队';
  const inboxBodies = async (world: World, openid: string) =>
    (await world.expectOk('message', openid, 'inbox', {})).items.map((item) => item.body);
  const endedReasons = (detail: { claims: { teamId: string; status: string; ended: { reason: string } | null }[] }) =>
    Object.fromEntries(detail.claims.map((claim) => [claim.teamId, [claim.status, claim.ended?.reason]]));

  /** Teams A and B selected, C still 待评榜, D rejected before the close. */
  async function raceAtClose(world: World) {
    const challenge = await published(world, { maxTeams: 4 });
    const [c, d] = await seedRaceTeams(world.db, 2, world.clock.now, 'close');
    const entrants = [{ teamId: DEMO.teamA, leaderId: DEMO.leaderA }, { teamId: DEMO.teamB, leaderId: DEMO.leaderB }, c, d];
    for (const [i, { teamId, leaderId }] of entrants.entries()) {
      world.clock.now += 1000;
      await world.expectOk('challenge', leaderId, 'claim', plan(world, teamId, challenge.id, [leaderId], `close-claim-${i}`));
    }
    for (const teamId of [DEMO.teamA, DEMO.teamB]) {
      await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
        challengeId: challenge.id,
        teamId,
        decision: 'accept',
        reason: '',
      });
    }
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: d.teamId,
      decision: 'reject',
      reason: '方案与需求方向不符',
    });
    return { challenge, c, d };
  }

  async function passGate(world: World, challengeId: string, index: number) {
    const milestoneId = `${challengeId}_${DEMO.teamA}_${index}`;
    await world.expectOk('challenge', DEMO.leaderA, 'submitMilestone', {
      teamId: DEMO.teamA,
      milestoneId,
      summary: `第 ${index} 个节点的进展`,
      reference: `报告 HX-${index}`,
    });
    await world.expectOk('challenge', DEMO.organizer, 'reviewMilestone', { challengeId, milestoneId, decision: 'pass', note: '' });
  }

  it('a race won by A: selected B and waiting C get their own lines, and neither hears A’s summary', async () => {
    const world = await makeWorld();
    const { challenge, c, d } = await raceAtClose(world);
    const summary = 'A 队故障注入覆盖率 99.3%，验证周期 12 天。';
    const closed = await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: challenge.id,
      result: 'success',
      winners: [DEMO.teamA],
      summary,
    });
    expect(endedReasons(closed)).toEqual({
      [DEMO.teamA]: ['won', summary],
      [DEMO.teamB]: ['failed', `未夺榜：本榜由「${TEAM_A}」夺榜`],
      [c.teamId]: ['not_selected', '评榜前已结榜'],
      [d.teamId]: ['rejected', '方案与需求方向不符'],
    });

    const teamB = await world.expectOk('challenge', DEMO.newcomer, 'teamClaims', { teamId: DEMO.teamB });
    expect(teamB.find((claim) => claim.challengeId === challenge.id)?.endedReason).toBe(`未夺榜：本榜由「${TEAM_A}」夺榜`);
    const teamC = await world.expectOk('challenge', DEMO.newcomer, 'teamClaims', { teamId: c.teamId });
    expect(teamC[0].endedReason).toBe('评榜前已结榜');

    expect((await inboxBodies(world, DEMO.leaderA)).filter((body) => body.includes(summary))).toHaveLength(1);
    for (const leaderId of [DEMO.leaderB, c.leaderId, d.leaderId]) {
      expect((await inboxBodies(world, leaderId)).filter((body) => body.includes(summary))).toEqual([]);
      const outbox = await world.db.collection('outbox').where({ userId: leaderId }).limit(100).get();
      expect(JSON.stringify(outbox.data)).not.toContain(summary);
    }
    expect(await inboxBodies(world, DEMO.leaderB)).toContainEqual(
      expect.stringContaining(`本队结果：未成功。未夺榜：本榜由「${TEAM_A}」夺榜。`),
    );
    expect(await inboxBodies(world, c.leaderId)).toContainEqual(expect.stringContaining('本队结果：未入选。评榜前已结榜。'));
    // D was settled before the close: its record stands and it hears nothing more.
    expect(await inboxTitles(world, d.leaderId)).toEqual([`「${CHALLENGE_FIELDS.title}」未入选`]);
  });

  it('a 未成功 close gives every claim its own text', async () => {
    const world = await makeWorld();
    const { challenge, c, d } = await raceAtClose(world);
    await passGate(world, challenge.id, 1);
    await passGate(world, challenge.id, 2);
    const reason = '关键器件断供，指标未能达成。';
    const failed = await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: challenge.id,
      result: 'failed',
      winners: [],
      summary: reason,
    });
    expect(failed.outcome).toMatchObject({ result: 'failed', summary: reason });
    expect(endedReasons(failed)).toEqual({
      [DEMO.teamA]: ['completed', `节点全部通过，本榜未成功：${reason}`],
      [DEMO.teamB]: ['failed', `原因：${reason}`],
      [c.teamId]: ['not_selected', '评榜前已结榜'],
      [d.teamId]: ['rejected', '方案与需求方向不符'],
    });
    expect(await inboxBodies(world, DEMO.leaderB)).toContainEqual(expect.stringContaining(`本队结果：未成功。原因：${reason}`));
    expect((await inboxBodies(world, c.leaderId)).filter((body) => body.includes(reason))).toEqual([]);
  });
});

describe('a race with more claims than places', () => {
  it('leaves exactly maxTeams accepted when 200 teams claim and 200 accepts arrive at once', async () => {
    const world = await makeWorld();
    const challenge = await published(world, { maxTeams: 3 });
    const teams = await seedRaceTeams(world.db, 200, world.clock.now);
    const claims = await Promise.all(
      teams.map(({ teamId, leaderId }, i) =>
        world.invoke('challenge', leaderId, 'claim', plan(world, teamId, challenge.id, [leaderId], `race-claim-${i}`)),
      ),
    );
    expect(claims.filter((result) => result.ok)).toHaveLength(200);
    const accepts = await Promise.all(
      teams.map(({ teamId }) =>
        world.invoke('challenge', DEMO.organizer, 'reviewClaim', { challengeId: challenge.id, teamId, decision: 'accept', reason: '' }),
      ),
    );
    expect(accepts.filter((result) => result.ok)).toHaveLength(3);
    expect(accepts.filter((result) => !result.ok).every((result) => !result.ok && result.code === 'STATE_CONFLICT')).toBe(true);
    expect((await world.db.collection('claims').where({ challengeId: challenge.id, status: 'accepted' }).count()).total).toBe(3);
    expect((await world.db.collection('claims').where({ challengeId: challenge.id, status: 'not_selected' }).count()).total).toBe(197);
    const detail = await world.expectOk('challenge', DEMO.organizer, 'detail', { challengeId: challenge.id });
    expect(detail).toMatchObject({ acceptedCount: 3, claimCount: 200, status: 'in_progress' });
    expect(
      await world.invoke('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'race-late-01')),
    ).toMatchObject({
      ok: false,
      message: '该榜单的名额已满',
    });
  }, 60_000);
});

describe('the board', () => {
  it('filters by status, field and mode, searches title and issuer, and pages 20 at a time without gaps', async () => {
    const world = await makeWorld();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const overrides = i % 3 === 0 ? { mode: 'single' as const, maxTeams: 1 } : {};
      const c = await published(
        world,
        { ...overrides, title: `榜单第${i}号（测试）`, claimDeadline: dayAfter(world, 5) },
        `board-req-${String(i).padStart(4, '0')}`,
      );
      ids.push(c.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof world.expectOk<'challenge', 'board'>>> = await world.expectOk(
        'challenge',
        DEMO.newcomer,
        'board',
        { status: 'active', cursor },
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([...ids, DEMO.challengeRace]));
    expect(seen).not.toContain(DEMO.challengeDraft);
    expect(seen.indexOf(ids[0])).toBeLessThan(seen.indexOf(DEMO.challengeRace)); // sooner deadline first

    const single = await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'active', mode: 'single' });
    expect(single.items).toHaveLength(15);
    const ai = await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'all', field: '人工智能' });
    expect(ai.items.map((item) => item.id)).toEqual([DEMO.challengeDone]);
    const byTitle = await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'active', keyword: '第7号（' });
    expect(byTitle.items.map((item) => item.id)).toEqual([ids[7]]);
    const byIssuer = await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'all', keyword: '政务云' });
    expect(byIssuer.items.map((item) => item.id)).toEqual([DEMO.challengeDone]);
    expect((await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'all', keyword: '.*' })).items).toEqual([]);

    expect((await world.expectOk('challenge', DEMO.newcomer, 'board', { status: 'draft' })).items).toEqual([]);
    expect((await world.expectOk('challenge', DEMO.organizer, 'board', { status: 'draft' })).items.map((item) => item.id)).toEqual([
      DEMO.challengeDraft,
      DEMO.challengeSolicit,
    ]);
    expect((await world.expectOk('challenge', DEMO.unitOrganizer, 'board', { status: 'draft' })).items).toEqual([]);
  }, 60_000);
});

describe('milestone reminders and overdue gates', () => {
  it('reminds the leader 3 days and 1 day before a due date, each once, and flags an overdue gate', async () => {
    const world = await makeWorld();
    const challenge = await published(world);
    await world.expectOk('challenge', DEMO.leaderA, 'claim', plan(world, DEMO.teamA, challenge.id, [DEMO.leaderA], 'claim-a-0020'));
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: challenge.id,
      teamId: DEMO.teamA,
      decision: 'accept',
      reason: '',
    });
    const gate = await world.db.collection('milestones').doc(`${challenge.id}_${DEMO.teamA}_1`).get();
    const dueAt = gate.data.dueAt as number;
    const reminders = async () => (await inboxTitles(world, DEMO.leaderA)).filter((title) => title.startsWith('节点「框架原型」将于'));

    world.clock.now = dueAt - 5 * DAY_MS;
    await world.cloud.runDispatch();
    expect(await reminders()).toEqual([]);
    world.clock.now = dueAt - 3 * DAY_MS + 1000;
    await world.expectOk('dispatch', '', 'run', {});
    await world.expectOk('dispatch', '', 'run', {});
    expect(await reminders()).toEqual(['节点「框架原型」将于 3 天后到期']);
    world.clock.now = dueAt - DAY_MS + 1000;
    const report = await world.expectOk('dispatch', '', 'run', {});
    expect(report.reminded).toBe(1);
    await world.expectOk('dispatch', '', 'run', {});
    expect(await reminders()).toEqual(['节点「框架原型」将于 1 天后到期', '节点「框架原型」将于 3 天后到期']);

    world.clock.now = dueAt + 1000;
    const claim = await world.expectOk('challenge', DEMO.leaderA, 'claimDetail', { challengeId: challenge.id, teamId: DEMO.teamA });
    expect(claim.milestones?.[0]).toMatchObject({ status: 'pending', overdue: true });
    expect(claim.milestones?.[1]).toMatchObject({ overdue: false });
  });
});

describe('草稿榜单: deleted, not cancelled', () => {
  it('deletes a draft with an audit entry, and refuses to delete a published challenge', async () => {
    const world = await makeWorld();
    const done = await world.expectOk('challenge', DEMO.organizer, 'discard', { challengeId: DEMO.challengeDraft });
    expect(done).toEqual({ discarded: true });
    expect((await world.db.collection('challenges').where({ _id: DEMO.challengeDraft }).count()).total).toBe(0);
    expect(
      (
        await world.db
          .collection('audit')
          .where({ action: 'discard', target: `challenges/${DEMO.challengeDraft}` })
          .count()
      ).total,
    ).toBe(1);
    const published = await world.invoke('challenge', DEMO.organizer, 'discard', { challengeId: DEMO.challengeRace });
    expect(published).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '只有草稿可以删除；发布过的榜单请撤榜或结榜' });
  });
});

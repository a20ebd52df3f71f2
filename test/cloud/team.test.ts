import { DAY_MS } from '../../core/time';
import { DEMO, makeWorld, type World } from '../helpers/world';

const application = {
  name: '光刻胶国产化青年突击队',
  field: '先进材料' as const,
  intro: '研发 ArF 光刻胶并完成产线验证。',
  unitName: '华芯微电子有限公司',
  leagueOrgId: 'org-league-hx',
  partyOrgId: 'org-party-hx',
  crossUnit: false,
  requestId: 'req-00000001',
};

async function inbox(world: World, openid: string) {
  return (await world.expectOk('message', openid, 'inbox', {})).items;
}

describe('team registration (申请组建 → 备案)', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('takes an application, lets the organizer approve it, and makes the applicant leader', async () => {
    const applied = await world.expectOk('team', DEMO.newcomer, 'apply', application);
    expect(applied).toMatchObject({ status: 'pending', myRole: 'applicant', memberCount: 0 });
    expect((await inbox(world, DEMO.organizer)).map((m) => m.title)).toContain(`「${application.name}」有新的组建申请`);

    const queue = await world.expectOk('team', DEMO.organizer, 'pending', {});
    expect(queue.map((t) => t.name)).toEqual(expect.arrayContaining([application.name, '高纯靶材国产化青年突击队']));
    // The organizer of another unit does not see it.
    expect((await world.expectOk('team', DEMO.unitOrganizer, 'pending', {})).map((t) => t.name)).not.toContain(application.name);

    world.clock.now += 1000;
    const reviewed = await world.expectOk('team', DEMO.organizer, 'review', { teamId: applied.id, decision: 'approve', reason: '' });
    expect(reviewed.status).toBe('registered');
    const detail = await world.expectOk('team', DEMO.newcomer, 'detail', { teamId: applied.id });
    expect(detail.viewer).toMatchObject({ isLeader: true, isMember: true });
    expect(detail.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(detail.members?.map((m) => [m.name, m.role])).toEqual([['吴桐', 'leader']]);
    expect((await inbox(world, DEMO.newcomer))[0].title).toBe(`「${application.name}」备案审核已通过`);

    const again = await world.invoke('team', DEMO.organizer, 'review', { teamId: applied.id, decision: 'reject', reason: '重复处理' });
    expect(again).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
  });

  it('treats a repeated application with the same request id as one', async () => {
    const [first, second] = await Promise.all([
      world.expectOk('team', DEMO.newcomer, 'apply', application),
      world.expectOk('team', DEMO.newcomer, 'apply', application),
    ]);
    expect(first.id).toBe(second.id);
    expect((await world.db.collection('teams').where({ name: application.name }).count()).total).toBe(1);
    const other = await world.invoke('team', DEMO.memberA, 'apply', { ...application, requestId: 'req-00000002' });
    expect(other).toMatchObject({ ok: false, code: 'DUPLICATE' });
  });

  it('needs a reason to reject, and tells the applicant why', async () => {
    const noReason = await world.invoke('team', DEMO.organizer, 'review', { teamId: DEMO.teamPending, decision: 'reject', reason: '' });
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await world.expectOk('team', DEMO.organizer, 'review', { teamId: DEMO.teamPending, decision: 'reject', reason: '攻关目标不够具体' });
    const [message] = await inbox(world, DEMO.applicant);
    expect(message.body).toContain('攻关目标不够具体');
    const mine = await world.expectOk('team', DEMO.applicant, 'mine', {});
    expect(mine.find((t) => t.id === DEMO.teamPending)).toMatchObject({ status: 'rejected', myRole: 'applicant' });
  });

  it('refuses risky text and an applicant without a real name', async () => {
    const risky = await world.invoke('team', DEMO.newcomer, 'apply', { ...application, intro: '顺便做点赌博网站' });
    expect(risky).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    const anonymous = await world.invoke('team', 'brand-new-user', 'apply', application);
    expect(anonymous).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(anonymous.ok === false && anonymous.message).toContain('真实姓名');
  });
});

describe('membership', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('joins by invite code once, however often the request repeats, and counts members in step', async () => {
    const preview = await world.expectOk('team', DEMO.newcomer, 'preview', { inviteCode: DEMO.inviteA.toLowerCase() });
    expect(preview).toMatchObject({ name: '车规级芯片青年突击队', alreadyMember: false, leaderName: '李航' });
    await Promise.all([1, 2, 3].map(() => world.expectOk('team', DEMO.newcomer, 'join', { inviteCode: DEMO.inviteA })));
    const detail = await world.expectOk('team', DEMO.leaderA, 'detail', { teamId: DEMO.teamA });
    expect(detail.memberCount).toBe(3);
    expect(detail.members?.filter((m) => m.name === '吴桐')).toHaveLength(1);
    expect((await inbox(world, DEMO.leaderA))[0].title).toContain('有新成员加入');
  });

  it('keeps a cross-unit member’s own unit and party organization', async () => {
    await world.expectOk('team', DEMO.newcomer, 'join', {
      inviteCode: DEMO.inviteB,
      homeUnit: '省先进材料研究所',
      homePartyOrgId: 'org-party-cl',
    });
    const detail = await world.expectOk('team', DEMO.leaderB, 'detail', { teamId: DEMO.teamB });
    expect(detail.members?.find((m) => m.name === '吴桐')).toMatchObject({
      homeUnit: '省先进材料研究所',
      homePartyOrgName: '先进材料研究所党委',
    });
  });

  it('refuses an unknown invite code with a message that says what to do', async () => {
    const result = await world.invoke('team', DEMO.newcomer, 'join', { inviteCode: 'ABCDEF' });
    expect(result).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
  });

  it('refuses invite codes after 10 wrong guesses in an hour, even the right one, and counts guesses per user', async () => {
    const wrong = (n: number) => `ABCD${'EFGHJK'[n % 6]}${'LMNPQR'[Math.floor(n / 6)]}`;
    for (let n = 0; n < 10; n += 1) {
      const action = n % 2 ? 'join' : 'preview';
      expect(await world.invoke('team', DEMO.newcomer, action, { inviteCode: wrong(n) })).toMatchObject({ code: 'INVITE_INVALID' });
    }
    const refused = await world.invoke('team', DEMO.newcomer, 'preview', { inviteCode: DEMO.inviteA });
    expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('一小时后再试') });
    expect(await world.invoke('team', DEMO.newcomer, 'join', { inviteCode: DEMO.inviteA })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const detail = await world.expectOk('team', DEMO.leaderA, 'detail', { teamId: DEMO.teamA });
    expect(detail.memberCount).toBe(2);

    // Another user is not affected, and the next hour starts afresh.
    await world.expectOk('team', DEMO.leaderB, 'preview', { inviteCode: DEMO.inviteA });
    world.clock.now += 60 * 60 * 1000;
    await world.expectOk('team', DEMO.newcomer, 'preview', { inviteCode: DEMO.inviteA });
  });

  it('counts every one of many simultaneous wrong guesses, and lets no burst past the limit', async () => {
    await Promise.all(Array.from({ length: 8 }, () => world.invoke('team', DEMO.newcomer, 'preview', { inviteCode: 'ABCDEF' })));
    const { data } = await world.db.collection('guesses').where({ userId: DEMO.newcomer }).get();
    expect(data.map((doc) => doc.failures)).toEqual([8]);
    // Forty more at once: only the two attempts left in the hour are looked up.
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => world.invoke('team', DEMO.newcomer, 'preview', { inviteCode: 'ABCDEF' })),
    );
    const codes = burst.map((answer) => (answer.ok ? 'ok' : answer.code));
    expect(codes.filter((code) => code === 'INVITE_INVALID')).toHaveLength(2);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(38);
  });

  it('shows member contacts to members and the organizer, and only public details to others', async () => {
    const outsider = await world.expectOk('team', DEMO.newcomer, 'detail', { teamId: DEMO.teamA });
    expect(outsider.members).toBeNull();
    expect(outsider.inviteCode).toBeNull();
    const organizer = await world.expectOk('team', DEMO.organizer, 'detail', { teamId: DEMO.teamA });
    expect(organizer.members?.map((m) => m.phone)).toEqual(['13800000003', '13800000005']);
    const hidden = await world.invoke('team', DEMO.newcomer, 'detail', { teamId: DEMO.teamPending });
    expect(hidden).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('lets the leader remove a member and hand over leadership; a leader cannot just leave', async () => {
    await world.expectOk('team', DEMO.newcomer, 'join', { inviteCode: DEMO.inviteA });
    const afterRemove = await world.expectOk('team', DEMO.leaderA, 'removeMember', { teamId: DEMO.teamA, userId: DEMO.newcomer });
    expect(afterRemove.members?.map((m) => m.name)).toEqual(['李航', '张晓']);
    expect(afterRemove.memberCount).toBe(2);
    expect((await inbox(world, DEMO.newcomer))[0].title).toContain('你已被移出队伍');

    expect(await world.invoke('team', DEMO.leaderA, 'leave', { teamId: DEMO.teamA })).toMatchObject({
      ok: false,
      code: 'LEADER_MUST_TRANSFER',
    });
    const transferred = await world.expectOk('team', DEMO.leaderA, 'transferLeader', { teamId: DEMO.teamA, userId: DEMO.memberA });
    expect(transferred.members?.map((m) => [m.name, m.role])).toEqual([
      ['张晓', 'leader'],
      ['李航', 'member'],
    ]);
    expect(transferred.viewer.isLeader).toBe(false);
    await world.expectOk('team', DEMO.leaderA, 'leave', { teamId: DEMO.teamA });
    const mine = await world.expectOk('team', DEMO.leaderA, 'mine', {});
    expect(mine.map((t) => t.id)).not.toContain(DEMO.teamA);
    expect((await world.expectOk('team', DEMO.memberA, 'detail', { teamId: DEMO.teamA })).memberCount).toBe(1);
  });

  it('dissolves a team with a reason, keeps its record, and tells the members', async () => {
    const dissolved = await world.expectOk('team', DEMO.leaderA, 'dissolve', { teamId: DEMO.teamA, reason: '攻关任务已全部完成' });
    expect(dissolved.status).toBe('dissolved');
    const detail = await world.expectOk('team', DEMO.memberA, 'detail', { teamId: DEMO.teamA });
    expect(detail.dissolved?.reason).toBe('攻关任务已全部完成');
    expect((await inbox(world, DEMO.memberA))[0].title).toContain('队伍已解散');
    expect(await world.invoke('team', DEMO.newcomer, 'join', { inviteCode: DEMO.inviteA })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });
    const { total } = await world.db
      .collection('audit')
      .where({ target: `teams/${DEMO.teamA}`, action: 'dissolve' })
      .count();
    expect(total).toBe(1);
  });
});

describe('registration refresh (待更新备案)', () => {
  it('flags a team not refreshed for 90 days once, and clears when the leader confirms', async () => {
    const world = await makeWorld();
    const mineB = await world.expectOk('team', DEMO.leaderB, 'mine', {});
    expect(mineB.find((t) => t.id === DEMO.teamB)?.refreshDue).toBe(true);
    expect((await world.expectOk('team', DEMO.leaderA, 'mine', {}))[0].refreshDue).toBe(false);
    const due = await world.expectOk('team', DEMO.organizer, 'orgTeams', { status: 'refreshDue' });
    expect(due.map((t) => t.id)).toEqual([DEMO.teamB]);

    const first = await world.expectOk('dispatch', '', 'run', {});
    expect(first.flagged).toBe(1);
    expect((await world.expectOk('dispatch', '', 'run', {})).flagged).toBe(0);
    for (const openid of [DEMO.leaderB, DEMO.organizer, DEMO.unitOrganizer]) {
      expect((await inbox(world, openid)).map((m) => m.title)).toContain('「大模型推理加速青年突击队」待更新备案');
    }

    const detail = await world.expectOk('team', DEMO.leaderB, 'detail', { teamId: DEMO.teamB });
    world.clock.now += 60_000;
    const refreshed = await world.expectOk('team', DEMO.leaderB, 'refresh', {
      teamId: DEMO.teamB,
      name: detail.name,
      field: detail.field,
      intro: '新增国产 GPU 适配方向。',
      unitName: detail.unitName,
      partyOrgId: detail.partyOrgId,
      crossUnit: detail.crossUnit,
    });
    expect(refreshed.refreshDue).toBe(false);
    expect(refreshed.intro).toBe('新增国产 GPU 适配方向。');
    expect((await inbox(world, DEMO.unitOrganizer))[0].title).toContain('备案信息已更新');

    world.clock.now += 91 * DAY_MS;
    expect((await world.expectOk('dispatch', '', 'run', {})).flagged).toBe(2);
  });
});

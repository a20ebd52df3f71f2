import type { User } from '../../core/types';
import { DEMO, makeWorld, type World } from '../helpers/world';
import { VALID_INPUTS } from '../helpers/valid-inputs';

async function auditSummaries(world: World, actor: string, action: string): Promise<string[]> {
  const { data } = await world.db.collection('audit').where({ actor, action }).limit(100).get();
  return data.map((entry) => String(entry.summary));
}

async function userRecord(world: World, id: string): Promise<User> {
  return (await world.db.collection('users').doc(id).get()).data as unknown as User;
}

/** The stored documents; a collection only queried (never written) is left out, as it holds nothing. */
async function stored(world: World): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(Object.entries(await world.snapshot()).filter(([, docs]) => docs.length));
}

async function teamCount(world: World, teamId: string): Promise<number> {
  return Number((await world.db.collection('teams').doc(teamId).get()).data.memberCount);
}

describe('隐私与数据: 导出我的数据', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('gives a member their own profile, team, logs, achievements, sign-ins, receipts and consents, and nobody else’s', async () => {
    await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地做可靠性试验' });
    await world.expectOk('message', DEMO.memberA, 'recordConsent', { accepted: ['teamChanged'] });
    const data = await world.expectOk('user', DEMO.memberA, 'exportData', {});

    expect(data.exportedAt).toBe(world.clock.now);
    expect(data.profile).toMatchObject({ id: DEMO.memberA, realName: '张晓', phone: '13800000005', deletedAt: null });
    expect(data.memberships).toEqual([expect.objectContaining({ teamId: DEMO.teamA, teamName: '车规级芯片青年突击队', role: 'member' })]);
    expect(data.progressLogs.map((log) => log.content).sort()).toEqual([
      '搭建高低温循环测试台，完成 -40℃～125℃ 标定。',
      '等待测试样片到货。',
    ]);
    expect(data.progressLogs.every((log) => log.teamName === '车规级芯片青年突击队')).toBe(true);
    expect(data.achievements.length).toBeGreaterThan(0);
    expect(data.achievements.every((achievement) => achievement.as.includes('contributor'))).toBe(true);
    expect(data.signIns).toEqual([
      expect.objectContaining({ eventId: DEMO.eventPast, eventTitle: '揭榜项目季度评审交流会', status: 'makeupRequested' }),
    ]);
    expect(data.noticeReceipts.map((read) => read.noticeId)).toContain(DEMO.notice);
    expect(data.consents).toEqual([expect.objectContaining({ templateKey: 'teamChanged', count: 1 })]);

    // The leader's log, phone and sign-in are not in it, nor anyone else's id.
    const text = JSON.stringify(data);
    expect(text).not.toContain('完成 MCU 故障注入框架的第一版');
    for (const phone of ['13800000003', '13800000001', '13800000004']) expect(text).not.toContain(phone);
    for (const other of [DEMO.leaderA, DEMO.organizer, DEMO.leaderB]) expect(text).not.toContain(other);
    expect(await auditSummaries(world, DEMO.memberA, 'exportData')).toEqual(['导出个人数据']);
  });

  it('gives the leader their own logs, not the member’s, and names their achievements as author', async () => {
    const data = await world.expectOk('user', DEMO.leaderA, 'exportData', {});
    expect(data.progressLogs.map((log) => log.content)).toEqual(['完成 MCU 故障注入框架的第一版，覆盖 312 个故障点；提交发明专利申请。']);
    expect(data.memberships).toEqual([expect.objectContaining({ teamId: DEMO.teamA, role: 'leader' })]);
    expect(data.achievements.every((achievement) => achievement.as.includes('author'))).toBe(true);
    expect(JSON.stringify(data)).not.toContain('13800000005');
  });
});

describe('隐私与数据: 注销账号', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('refuses the leader of a registered team until they hand it over, and writes nothing', async () => {
    const before = await stored(world);
    expect(await world.invoke('user', DEMO.leaderA, 'deleteAccount', { confirm: '注销' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '你是「车规级芯片青年突击队」的队长，请先移交队长身份再注销',
    });
    expect(await stored(world)).toEqual(before);
  });

  it('refuses anything but the word 注销 as confirmation', async () => {
    expect(await world.invoke('user', DEMO.memberA, 'deleteAccount', { confirm: '确定' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请输入「注销」两个字确认注销',
    });
    expect((await userRecord(world, DEMO.memberA)).realName).toBe('张晓');
  });

  it('erases a member’s personal fields and memberships, keeps their logs under 已注销用户, and tells the leader', async () => {
    await world.expectOk('message', DEMO.memberA, 'recordConsent', { accepted: ['teamChanged'] });
    const countBefore = await teamCount(world, DEMO.teamA);

    const done = await world.expectOk('user', DEMO.memberA, 'deleteAccount', { confirm: '注销' });
    expect(done).toEqual({ deleted: true, deletedAt: world.clock.now });

    expect(await userRecord(world, DEMO.memberA)).toMatchObject({
      nickname: '已注销用户',
      realName: '',
      unitName: '',
      phone: '',
      avatar: '',
      roles: [],
      deletedAt: world.clock.now,
    });
    expect((await world.db.collection('members').where({ userId: DEMO.memberA }).count()).total).toBe(0);
    expect((await world.db.collection('consents').where({ userId: DEMO.memberA }).count()).total).toBe(0);
    expect(await teamCount(world, DEMO.teamA)).toBe(countBefore - 1);

    // The logs stay, and the team's timeline names their writer 已注销用户.
    expect((await world.db.collection('progress').where({ userId: DEMO.memberA }).count()).total).toBe(2);
    const timeline = await world.expectOk('progress', DEMO.leaderA, 'timeline', { teamId: DEMO.teamA });
    const theirs = timeline.items.filter((item) => item.userId === DEMO.memberA);
    expect(theirs).toHaveLength(2);
    expect(theirs.every((item) => item.userName === '已注销用户')).toBe(true);
    expect(JSON.stringify(timeline)).not.toContain('张晓');

    expect(await auditSummaries(world, DEMO.memberA, 'deleteAccount')).toEqual(
      expect.arrayContaining(['注销账号', '注销账号，退出「车规级芯片青年突击队」']),
    );
    const { items } = await world.expectOk('message', DEMO.leaderA, 'inbox', {});
    expect(items[0].title).toBe('「车规级芯片青年突击队」有成员退出');
    expect(items[0].body).toContain('注销了账号');

    // The account is still there, blank: 我的 shows an empty profile and no team.
    const me = await world.expectOk('user', DEMO.memberA, 'me', {});
    expect(me).toMatchObject({ realName: '', unitName: '', phone: '', profileComplete: false });
    expect(await world.expectOk('team', DEMO.memberA, 'mine', {})).toEqual([]);
  });

  it('is harmless the second time', async () => {
    const first = await world.expectOk('user', DEMO.memberA, 'deleteAccount', { confirm: '注销' });
    const after = await stored(world);
    world.clock.now += 60_000;
    expect(await world.expectOk('user', DEMO.memberA, 'deleteAccount', { confirm: '注销' })).toEqual(first);
    expect(await stored(world)).toEqual(after);
  });

  it('lets an organizer go: their organizer role is dropped', async () => {
    await world.expectOk('user', DEMO.unitOrganizer, 'deleteAccount', { confirm: '注销' });
    expect((await userRecord(world, DEMO.unitOrganizer)).roles).toEqual([]);
    expect(await world.invoke('team', DEMO.unitOrganizer, 'pending', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('keeps the only organizer of the top org until they have invited a successor', async () => {
    const refused = await world.invoke('user', DEMO.organizer, 'deleteAccount', { confirm: '注销' });
    expect(refused).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('唯一的管理员') });
    const { code } = await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId: 'org-league-prov' });
    await world.expectOk('admin', DEMO.newcomer, 'redeemCode', { code });
    await world.expectOk('user', DEMO.organizer, 'deleteAccount', { confirm: '注销' });
    const { data: grant } = await world.db.collection('organizers').doc(`org-league-prov_${DEMO.newcomer}`).get();
    expect(grant).toMatchObject({ revokedAt: null });
    expect((await userRecord(world, DEMO.organizer)).roles).toEqual([]);
  });

  it('lets a former leader go once they have handed the team over', async () => {
    await world.expectOk('team', DEMO.leaderA, 'transferLeader', { teamId: DEMO.teamA, userId: DEMO.memberA });
    await world.expectOk('user', DEMO.leaderA, 'deleteAccount', { confirm: '注销' });
    const detail = await world.expectOk('team', DEMO.memberA, 'detail', { teamId: DEMO.teamA });
    expect(detail.members?.map((member) => member.userId)).not.toContain(DEMO.leaderA);
  });

  it('ends a challenge reviewer’s binding: the account can no longer review, and the code can be bound again', async () => {
    await world.expectOk('user', DEMO.issuer, 'deleteAccount', { confirm: '注销' });
    const review = await world.invoke('challenge', DEMO.issuer, 'reviewClaim', VALID_INPUTS.challenge.reviewClaim as never);
    expect(review).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bound = await world.expectOk('challenge', DEMO.newcomer, 'bindReviewer', { code: DEMO.reviewerCodeRace });
    expect(bound.id).toBe(DEMO.challengeRace);
  });
});

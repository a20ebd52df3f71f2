import type { ActionInput } from '../../core/api';
import type { ProgressLog, Report } from '../../core/types';
import { DEMO, makeWorld, type World } from '../helpers/world';

type SubmitIn = ActionInput<'report', 'submit'>;

let requests = 0;
function about(targetKind: SubmitIn['targetKind'], targetId: string, overrides: Partial<SubmitIn> = {}): SubmitIn {
  requests += 1;
  return { targetKind, targetId, reason: 'false', note: '', requestId: `rp-test-${String(requests).padStart(4, '0')}`, ...overrides };
}

async function stored(world: World, id: string): Promise<Report> {
  const { data } = await world.db.collection('reports').doc(id).get();
  return data as unknown as Report;
}

async function inbox(world: World, userId: string) {
  return (await world.expectOk('message', userId, 'inbox', {})).items;
}

async function auditOf(world: World, target: string) {
  const { data } = await world.db.collection('audit').where({ target }).get();
  return data as unknown as { action: string; actor: string; summary: string }[];
}

const PATENT = `achievement:${DEMO.achievementPatent}`;

async function feedIds(world: World) {
  const feed = await world.expectOk('achievement', DEMO.newcomer, 'feed', {});
  return [...feed.featured, ...feed.items].map((item) => item.id);
}

async function candidateIds(world: World) {
  const candidates = await world.expectOk('feedback', DEMO.organizer, 'candidates', {
    teamId: DEMO.teamA,
    from: '2026-10-01',
    to: '2026-12-31',
  });
  return candidates.items.map((item) => item.id);
}

describe('举报: submitting', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('refuses reporting your own content and names what is missing', async () => {
    expect(await world.invoke('report', DEMO.leaderA, 'submit', about('achievement', DEMO.achievementPatent))).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: '不能举报自己的内容',
    });
    expect(await world.invoke('report', DEMO.newcomer, 'submit', about('achievement', 'no-such-achievement'))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '找不到这项成果，可能已被删除',
    });
    expect(await world.invoke('report', DEMO.memberA, 'submit', about('user', DEMO.memberA))).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('applies a request once and keeps one open report per person per content', async () => {
    const input = about('achievement', DEMO.achievementPatent, { reason: 'privacy', note: '公开了合作方的联系方式' });
    const first = await world.expectOk('report', DEMO.newcomer, 'submit', input);
    expect(first).toEqual({ id: `rp-${input.requestId}`, status: 'open' });
    expect(await world.expectOk('report', DEMO.newcomer, 'submit', input)).toEqual(first);
    expect(await world.expectOk('report', DEMO.newcomer, 'submit', about('achievement', DEMO.achievementPatent))).toEqual(first);
    const { data } = await world.db.collection('reports').where({ reporterId: DEMO.newcomer }).get();
    expect(data).toHaveLength(1);
    expect(await stored(world, first.id)).toMatchObject({
      leagueOrgId: 'org-league-hx',
      authorId: DEMO.leaderA,
      reason: 'privacy',
      note: '公开了合作方的联系方式',
    });
    expect(await auditOf(world, `reports/${first.id}`)).toEqual([expect.objectContaining({ action: 'submit', actor: DEMO.newcomer })]);
    // Someone else's request id is not theirs to replay.
    expect(await world.invoke('report', DEMO.memberB, 'submit', input)).toMatchObject({ ok: false, code: 'DUPLICATE' });

    // Once the report is closed, the same person may report the content again.
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: first.id, decision: 'dismiss', reason: '' });
    const again = await world.expectOk('report', DEMO.newcomer, 'submit', about('achievement', DEMO.achievementPatent));
    expect(again.id).not.toBe(first.id);
  });

  it('sends each kind of content to the organizers over it', async () => {
    const progress = await world.expectOk('report', DEMO.memberA, 'submit', about('progress', `${DEMO.teamA}_${DEMO.leaderA}_2026-11-19`));
    const team = await world.expectOk('report', DEMO.newcomer, 'submit', about('team', DEMO.teamB));
    const member = await world.expectOk('report', DEMO.newcomer, 'submit', about('user', DEMO.memberB));
    const loner = await world.expectOk('report', DEMO.memberA, 'submit', about('user', DEMO.issuer));
    const notice = await world.expectOk('report', DEMO.memberA, 'submit', about('notice', DEMO.notice));
    expect(await stored(world, progress.id)).toMatchObject({ leagueOrgId: 'org-league-hx', authorId: DEMO.leaderA });
    expect(await stored(world, team.id)).toMatchObject({ leagueOrgId: 'org-league-zs', authorId: DEMO.leaderB });
    expect(await stored(world, member.id)).toMatchObject({ leagueOrgId: 'org-league-zs', authorId: DEMO.memberB });
    // No team: the root league org handles it.
    expect(await stored(world, loner.id)).toMatchObject({ leagueOrgId: 'org-league-prov', authorId: DEMO.issuer });
    expect(await stored(world, notice.id)).toMatchObject({ leagueOrgId: 'org-league-prov', authorId: DEMO.organizer });
  });
});

describe('举报: the organizer’s list', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('lists only reports under the org the caller manages, with what and who', async () => {
    const team = await world.expectOk('report', DEMO.newcomer, 'submit', about('team', DEMO.teamB, { reason: 'ads', note: '简介是广告' }));
    const provincial = await world.expectOk('report', DEMO.organizer, 'list', {});
    expect(provincial.items.map((item) => item.id)).toEqual([team.id, DEMO.report]);
    expect(provincial.items[0]).toMatchObject({
      targetKind: 'team',
      targetTitle: '大模型推理加速青年突击队',
      targetPage: `packages/team/detail/index?id=${DEMO.teamB}`,
      reason: 'ads',
      note: '简介是广告',
      reporterName: '吴桐',
      status: 'open',
      contentHidden: false,
      decision: null,
    });
    expect(provincial.items[1]).toMatchObject({
      targetTitle: expect.any(String),
      targetPage: `packages/achievement/detail/index?id=${DEMO.achievementPatent}`,
      reporterName: '赵立',
    });
    const unit = await world.expectOk('report', DEMO.unitOrganizer, 'list', {});
    expect(unit.items.map((item) => item.id)).toEqual([team.id]);
    expect((await world.expectOk('report', DEMO.organizer, 'list', { status: 'closed' })).items).toEqual([]);
    expect(await world.invoke('report', DEMO.leaderA, 'list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('pages newest first by cursor without repeating or skipping', async () => {
    for (let index = 0; index < 21; index += 1) {
      world.clock.now += 1000;
      const reporter = index % 2 ? DEMO.newcomer : DEMO.memberB;
      // Each report is about another log day, so none is answered by an open one.
      await world.db
        .collection('progress')
        .doc(`${DEMO.teamA}_${DEMO.memberA}_d${index}`)
        .set({ data: { teamId: DEMO.teamA, userId: DEMO.memberA, day: '2026-11-01', content: `记录 ${index}`, noProgress: false } });
      await world.expectOk('report', reporter, 'submit', about('progress', `${DEMO.teamA}_${DEMO.memberA}_d${index}`));
    }
    const first = await world.expectOk('report', DEMO.organizer, 'list', {});
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await world.expectOk('report', DEMO.organizer, 'list', { cursor: first.nextCursor ?? undefined });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(22);
    expect(second.items.map((item) => item.id)).toHaveLength(2);
    expect(second.items[1].id).toBe(DEMO.report);
    expect(second.nextCursor).toBeNull();
  });
});

describe('举报: deciding', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('hides an achievement: it leaves the feed and the letters, outsiders are told it is hidden, the team sees the mark', async () => {
    expect(await feedIds(world)).toContain(DEMO.achievementPatent);
    expect(await candidateIds(world)).toContain(PATENT);

    const card = await world.expectOk('report', DEMO.organizer, 'decide', {
      reportId: DEMO.report,
      decision: 'hide',
      reason: '专利号与公开信息不符',
    });
    expect(card).toMatchObject({
      id: DEMO.report,
      status: 'hidden',
      contentHidden: true,
      decision: { action: 'hide', reason: '专利号与公开信息不符', byName: '王敏' },
    });
    const { data: patent } = await world.db.collection('achievements').doc(DEMO.achievementPatent).get();
    expect(patent).toMatchObject({
      status: 'confirmed',
      hidden: { by: DEMO.organizer, reason: '专利号与公开信息不符', reportId: DEMO.report },
    });

    expect(await feedIds(world)).not.toContain(DEMO.achievementPatent);
    expect(await candidateIds(world)).not.toContain(PATENT);
    expect(await world.invoke('achievement', DEMO.newcomer, 'detail', { achievementId: DEMO.achievementPatent })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '该内容已被隐藏',
    });
    for (const insider of [DEMO.memberA, DEMO.organizer]) {
      const detail = await world.expectOk('achievement', insider, 'detail', { achievementId: DEMO.achievementPatent });
      expect(detail.hidden).toEqual({ reason: '专利号与公开信息不符', at: world.clock.now });
    }
    const teamList = await world.expectOk('achievement', DEMO.memberA, 'teamAchievements', { teamId: DEMO.teamA });
    expect(teamList.items.find((item) => item.id === DEMO.achievementPatent)?.hidden).toMatchObject({ reason: '专利号与公开信息不符' });
    const outsiderList = await world.expectOk('achievement', DEMO.newcomer, 'teamAchievements', { teamId: DEMO.teamA });
    expect(outsiderList.items.map((item) => item.id)).not.toContain(DEMO.achievementPatent);

    // The reporter hears the outcome; the author hears why, and not who reported it.
    const reporterMessages = await inbox(world, DEMO.partyContact);
    expect(reporterMessages[0]).toMatchObject({ title: '举报处理结果', body: expect.stringContaining('已被隐藏') });
    const authorMessages = await inbox(world, DEMO.leaderA);
    expect(authorMessages[0]).toMatchObject({ title: '你的内容已被隐藏', body: expect.stringContaining('专利号与公开信息不符') });
    expect(authorMessages[0].body).not.toContain('赵立');
    const { data: outbox } = await world.db.collection('outbox').where({ templateKey: 'reportHandled' }).get();
    expect(outbox.map((item) => item.userId).sort()).toEqual([DEMO.leaderA, DEMO.partyContact].sort());

    expect((await auditOf(world, `reports/${DEMO.report}`)).map((entry) => entry.action)).toEqual(['decide']);
    expect((await auditOf(world, `achievements/${DEMO.achievementPatent}`)).map((entry) => entry.action)).toContain('hide');
    expect((await world.expectOk('report', DEMO.organizer, 'list', { status: 'closed' })).items.map((item) => item.id)).toEqual([
      DEMO.report,
    ]);

    // Editing the achievement does not lift the mark.
    const edited = await world.expectOk('achievement', DEMO.leaderA, 'save', {
      teamId: DEMO.teamA,
      achievementId: DEMO.achievementPatent,
      type: 'patent',
      title: '一种车规 MCU 故障注入方法',
      summary: '补充了专利公开信息。',
      evidence: { kind: 'patent', ref: 'CN202610123451.7' },
      contributorIds: [DEMO.leaderA],
      requestId: 'rp-test-edit-0001',
    });
    expect(edited.hidden).toMatchObject({ reason: '专利号与公开信息不符' });
  });

  it('dismisses a report without touching the content, once', async () => {
    const card = await world.expectOk('report', DEMO.organizer, 'decide', {
      reportId: DEMO.report,
      decision: 'dismiss',
      reason: '经核实信息无误',
    });
    expect(card).toMatchObject({ status: 'dismissed', contentHidden: false, decision: { action: 'dismiss', reason: '经核实信息无误' } });
    expect(await feedIds(world)).toContain(DEMO.achievementPatent);
    const { data: patent } = await world.db.collection('achievements').doc(DEMO.achievementPatent).get();
    expect(patent.hidden ?? null).toBeNull();
    expect((await inbox(world, DEMO.partyContact))[0]).toMatchObject({
      title: '举报处理结果',
      body: expect.stringContaining('经核实信息无误'),
    });
    expect((await inbox(world, DEMO.leaderA)).some((item) => item.title.includes('隐藏'))).toBe(false);
    const before = await world.snapshot();
    expect(
      await world.invoke('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'dismiss', reason: '' }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect(await world.snapshot()).toEqual(before);
  });

  it('restores hidden content: back in the feed, the author and reporter told, the report closed as restored', async () => {
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '待核实' });
    world.clock.now += 60_000;
    const card = await world.expectOk('report', DEMO.organizer, 'decide', {
      reportId: DEMO.report,
      decision: 'restore',
      reason: '作者已提供证明材料',
    });
    expect(card).toMatchObject({
      status: 'dismissed',
      contentHidden: false,
      decision: { action: 'restore', reason: '作者已提供证明材料' },
    });
    expect(await feedIds(world)).toContain(DEMO.achievementPatent);
    expect(await candidateIds(world)).toContain(PATENT);
    expect((await world.expectOk('achievement', DEMO.newcomer, 'detail', { achievementId: DEMO.achievementPatent })).hidden).toBeNull();
    expect((await inbox(world, DEMO.leaderA))[0]).toMatchObject({
      title: '你的内容已恢复显示',
      body: expect.stringContaining('作者已提供证明材料'),
    });
    expect((await inbox(world, DEMO.partyContact))[0]).toMatchObject({ title: '举报处理结果', body: expect.stringContaining('恢复显示') });
    expect(
      await world.invoke('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'restore', reason: '再次恢复' }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('asks for a reason the author will see, and refuses an organizer on the team or over another org', async () => {
    expect(await world.invoke('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await world.invoke('report', DEMO.unitOrganizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '不实' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await world.db
      .collection('members')
      .doc(`${DEMO.teamA}_${DEMO.organizer}`)
      .set({
        data: { teamId: DEMO.teamA, userId: DEMO.organizer, role: 'member', homeUnit: '', homePartyOrgId: 'org-party-hx', joinedAt: 0 },
      });
    const before = await world.snapshot();
    expect(
      await world.invoke('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '不实' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '你是该队成员，不能处理针对本队内容的举报',
    });
    expect(await world.snapshot()).toEqual(before);
  });
});

describe('举报: hidden content of every kind', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('a hidden progress log shows only that it was hidden, except to its author and organizers', async () => {
    const { data } = await world.db.collection('progress').where({ userId: DEMO.memberA, teamId: DEMO.teamA }).limit(1).get();
    const log = data[0] as unknown as ProgressLog;
    expect(log.content).not.toBe('');
    const report = await world.expectOk('report', DEMO.leaderA, 'submit', about('progress', log._id, { reason: 'abuse' }));
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: report.id, decision: 'hide', reason: '含有攻击性言论' });
    const seenBy = async (openid: string) =>
      (await world.expectOk('progress', openid, 'timeline', { teamId: DEMO.teamA })).items.find((item) => item.id === log._id);
    expect(await seenBy(DEMO.leaderA)).toMatchObject({
      content: '',
      photos: [],
      evidence: { kind: 'none', ref: '' },
      hidden: { reason: '含有攻击性言论' },
    });
    expect(await seenBy(DEMO.memberA)).toMatchObject({ content: log.content, hidden: { reason: '含有攻击性言论' } });
    expect(await seenBy(DEMO.organizer)).toMatchObject({ content: log.content });
    expect((await inbox(world, DEMO.memberA))[0]).toMatchObject({ title: '你的内容已被隐藏' });
  });

  it('a hidden notice leaves its recipients’ list and detail; organizers still see it', async () => {
    const report = await world.expectOk('report', DEMO.memberA, 'submit', about('notice', DEMO.notice));
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: report.id, decision: 'hide', reason: '内容有误，将重新发布' });
    expect((await world.expectOk('notice', DEMO.memberA, 'list', {})).items.map((item) => item.id)).not.toContain(DEMO.notice);
    const before = await world.snapshot();
    expect(await world.invoke('notice', DEMO.memberA, 'detail', { noticeId: DEMO.notice })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '该内容已被隐藏',
    });
    expect(await world.snapshot()).toEqual(before);
    expect(await world.invoke('notice', DEMO.memberA, 'ack', { noticeId: DEMO.notice })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const seen = await world.expectOk('notice', DEMO.organizer, 'detail', { noticeId: DEMO.notice });
    expect(seen.hidden).toMatchObject({ reason: '内容有误，将重新发布' });
    const managed = await world.expectOk('notice', DEMO.organizer, 'list', { scope: 'manage' });
    expect(managed.items.find((item) => item.id === DEMO.notice)?.hidden).toMatchObject({ reason: '内容有误，将重新发布' });
  });

  it('a hidden team keeps its intro from outsiders only', async () => {
    const report = await world.expectOk('report', DEMO.newcomer, 'submit', about('team', DEMO.teamB));
    await world.expectOk('report', DEMO.unitOrganizer, 'decide', { reportId: report.id, decision: 'hide', reason: '简介含广告' });
    const outside = await world.expectOk('team', DEMO.newcomer, 'detail', { teamId: DEMO.teamB });
    expect(outside).toMatchObject({ intro: '', hidden: { reason: '简介含广告' } });
    const inside = await world.expectOk('team', DEMO.memberB, 'detail', { teamId: DEMO.teamB });
    expect(inside.intro).toBe('跨单位联合攻关国产算力上的大模型推理优化。');
  });

  it('a hidden profile shows no nickname or avatar to others, and keeps the real name', async () => {
    await world.db
      .collection('users')
      .doc(DEMO.memberB)
      .update({ data: { realName: '', nickname: '不当昵称', avatar: 'cloud://env/avatars/b.png' } });
    const report = await world.expectOk('report', DEMO.newcomer, 'submit', about('user', DEMO.memberB, { reason: 'abuse' }));
    const listed = await world.expectOk('report', DEMO.unitOrganizer, 'list', {});
    // The organizer sees who it is, and their team's page to look at.
    expect(listed.items[0]).toMatchObject({ targetTitle: '不当昵称', targetPage: `packages/team/detail/index?id=${DEMO.teamB}` });
    await world.expectOk('report', DEMO.unitOrganizer, 'decide', { reportId: report.id, decision: 'hide', reason: '昵称不当' });
    const detail = await world.expectOk('team', DEMO.leaderB, 'detail', { teamId: DEMO.teamB });
    expect(detail.members?.find((member) => member.userId === DEMO.memberB)).toMatchObject({ name: '（资料已隐藏）', avatarUrl: '' });
    expect(detail.members?.find((member) => member.userId === DEMO.leaderB)?.name).toBe('陈思远');
    // Their own profile is theirs to fix.
    expect(await world.expectOk('user', DEMO.memberB, 'me', {})).toMatchObject({ nickname: '不当昵称' });
  });
});

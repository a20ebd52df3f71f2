import { DAY_MS, shanghaiDay } from '../../core/time';
import type { AuditPage } from '../../core/views';
import { VALID_INPUTS as VALID } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const TEAM_A = {
  teamId: DEMO.teamA,
  name: '车规级芯片青年突击队',
  field: '集成电路' as const,
  intro: '面向车规级 MCU 的设计验证与可靠性测试攻关。',
  unitName: '华芯微电子有限公司',
  partyOrgId: 'org-party-hx',
  crossUnit: false,
};
const TEAM_B = {
  teamId: DEMO.teamB,
  name: '大模型推理加速青年突击队',
  field: '人工智能' as const,
  intro: '跨单位联合攻关国产算力上的大模型推理优化。',
  unitName: '省智能计算研究院',
  partyOrgId: 'org-party-zs',
  crossUnit: true,
};

/** Entries about a person's own account (and the demo seed): on nobody's trail. */
const PERSONAL = new Set([
  'local.seed',
  'user.create',
  'user.updateProfile',
  'user.exportData',
  'message.markRead',
  'message.recordConsent',
]);
/** Collections whose documents belong to one team. */
const TEAM_OBJECTS = new Set(['teams', 'members', 'claims', 'milestones', 'achievements', 'progress', 'eventCheckins', 'noticeReads']);

const targets = (page: AuditPage) => page.items.map((row) => row.target);

/** A change in each unit org: the province approves 华芯's pending team; team B's leader refreshes its record (in 智算). */
async function changes(world: World) {
  await world.expectOk('team', DEMO.organizer, 'review', { teamId: DEMO.teamPending, decision: 'approve', reason: '' });
  world.clock.now += 1000;
  await world.expectOk('team', DEMO.leaderB, 'refresh', TEAM_B);
  world.clock.now += 1000;
  await world.expectOk('team', DEMO.leaderA, 'refresh', TEAM_A);
}

describe('操作记录: an org’s trail for its organizers, a team’s for its leader', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
    await changes(world);
  });

  it('lists an org’s entries and those of the orgs below it, newest first, each named, labelled and linked', async () => {
    const province = await world.expectOk('cockpit', DEMO.organizer, 'orgAudit', { orgId: 'org-league-prov' });
    expect(targets(province)).toEqual([`teams/${DEMO.teamA}`, `teams/${DEMO.teamB}`, `teams/${DEMO.teamPending}`]);
    expect(province.items[2]).toMatchObject({
      actorId: DEMO.organizer,
      actorName: '王敏',
      fn: 'team',
      action: 'review',
      actionLabel: '审核组建申请',
      targetUrl: `/packages/team/detail/index?id=${DEMO.teamPending}`,
      summary: '备案通过「高纯靶材国产化青年突击队」',
    });
    expect(province.items[0]).toMatchObject({ actorName: '李航', actionLabel: '更新备案信息' });
    expect(province.nextCursor).toBeNull();
    // 华芯's trail has its own two, not 智算's.
    const huaxin = await world.expectOk('cockpit', DEMO.organizer, 'orgAudit', { orgId: 'org-league-hx' });
    expect(targets(huaxin)).toEqual([`teams/${DEMO.teamA}`, `teams/${DEMO.teamPending}`]);
  });

  it('shows an organizer only their subtree and refuses the orgs beside or above it', async () => {
    const unit = await world.expectOk('cockpit', DEMO.unitOrganizer, 'orgAudit', { orgId: 'org-league-zs' });
    expect(targets(unit)).toEqual([`teams/${DEMO.teamB}`]);
    for (const orgId of ['org-league-hx', 'org-league-prov']) {
      expect(await world.invoke('cockpit', DEMO.unitOrganizer, 'orgAudit', { orgId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await world.invoke('cockpit', DEMO.leaderA, 'orgAudit', { orgId: 'org-league-hx' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await world.invoke('cockpit', DEMO.organizer, 'orgAudit', { orgId: 'org-party-hx' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('shows a team’s leader and its organizers that team’s trail, and refuses another team’s leader and its members', async () => {
    const mine = await world.expectOk('cockpit', DEMO.leaderA, 'teamAudit', { teamId: DEMO.teamA });
    expect(targets(mine)).toEqual([`teams/${DEMO.teamA}`]);
    expect(mine.items[0].targetUrl).toBe(`/packages/team/detail/index?id=${DEMO.teamA}`);
    expect(targets(await world.expectOk('cockpit', DEMO.organizer, 'teamAudit', { teamId: DEMO.teamA }))).toEqual([`teams/${DEMO.teamA}`]);
    for (const caller of [DEMO.leaderB, DEMO.memberA, DEMO.unitOrganizer]) {
      expect(await world.invoke('cockpit', caller, 'teamAudit', { teamId: DEMO.teamA })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('keeps a report’s handling with the organizers and shows the team only that its content was hidden', async () => {
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '证据不实' });
    const team = await world.expectOk('cockpit', DEMO.leaderA, 'teamAudit', { teamId: DEMO.teamA });
    expect(team.items.filter((row) => row.fn === 'report').map((row) => [row.actionLabel, row.target, row.targetUrl])).toEqual([
      ['隐藏被举报内容', `achievements/${DEMO.achievementPatent}`, `/packages/achievement/detail/index?id=${DEMO.achievementPatent}`],
    ]);
    const org = await world.expectOk('cockpit', DEMO.organizer, 'orgAudit', { orgId: 'org-league-hx' });
    expect(org.items.map((row) => [row.action, row.targetUrl])).toEqual(
      expect.arrayContaining([
        ['decide', '/packages/admin/reports/index'],
        ['hide', `/packages/achievement/detail/index?id=${DEMO.achievementPatent}`],
      ]),
    );
  });

  it('filters by object, actor, action and Shanghai days', async () => {
    const org = { orgId: 'org-league-prov' };
    const only = async (filters: object) => targets(await world.expectOk('cockpit', DEMO.organizer, 'orgAudit', { ...org, ...filters }));
    expect(await only({ target: `teams/${DEMO.teamB}` })).toEqual([`teams/${DEMO.teamB}`]);
    expect(await only({ actor: DEMO.organizer })).toEqual([`teams/${DEMO.teamPending}`]);
    expect(await only({ op: 'team.refresh' })).toEqual([`teams/${DEMO.teamA}`, `teams/${DEMO.teamB}`]);
    // The same action name in another function is another action.
    expect(await only({ op: 'notice.review' })).toEqual([]);
    const today = shanghaiDay(world.clock.now);
    const tomorrow = shanghaiDay(world.clock.now + DAY_MS);
    expect(await only({ from: today, to: today })).toHaveLength(3);
    expect(await only({ from: tomorrow })).toEqual([]);
    expect(await only({ to: shanghaiDay(world.clock.now - DAY_MS) })).toEqual([]);
    world.clock.now += DAY_MS;
    await world.expectOk('team', DEMO.leaderB, 'refresh', TEAM_B);
    expect(await only({ from: tomorrow, to: tomorrow })).toEqual([`teams/${DEMO.teamB}`]);
    expect(await world.invoke('cockpit', DEMO.organizer, 'orgAudit', { ...org, from: tomorrow, to: today })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '开始日期不能晚于结束日期',
    });
  });

  it('puts every change to an org’s object on that org’s trail, and a team’s on the team’s', async () => {
    const ok = world.expectOk;
    await ok('team', DEMO.newcomer, 'join', { inviteCode: DEMO.inviteA });
    await ok('challenge', DEMO.organizer, 'reviewClaim', VALID.challenge.reviewClaim as never);
    const gate = `${DEMO.challengeRace}_${DEMO.teamB}_1`;
    await ok('challenge', DEMO.leaderB, 'submitMilestone', {
      teamId: DEMO.teamB,
      milestoneId: gate,
      summary: '原型完成',
      reference: '报告 AI-001',
    });
    await ok('challenge', DEMO.organizer, 'reviewMilestone', {
      challengeId: DEMO.challengeRace,
      milestoneId: gate,
      decision: 'pass',
      note: '',
    });
    await ok('challenge', DEMO.leaderA, 'claim', VALID.challenge.claim as never);
    await ok('progress', DEMO.leaderA, 'log', VALID.progress.log as never);
    await ok('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地出差' });
    await ok('progress', DEMO.organizer, 'reviewMakeup', VALID.progress.reviewMakeup as never);
    await ok('progress', DEMO.organizer, 'createEvent', VALID.progress.createEvent as never);
    await ok('achievement', DEMO.organizer, 'confirm', { achievementId: DEMO.achievementPending });
    const notice = await ok('notice', DEMO.organizer, 'publish', VALID.notice.publish as never);
    await ok('notice', DEMO.leaderB, 'detail', { noticeId: notice.id });
    await ok('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'hide', reason: '证据不实' });
    await ok('feedback', DEMO.partyContact, 'letter', { letterId: DEMO.letter });
    await ok('admin', DEMO.organizer, 'createOrg', VALID.admin.createOrg as never);
    await ok('admin', DEMO.organizer, 'issueCode', { orgId: 'org-league-zs' });
    world.clock.now += 8 * DAY_MS;
    await ok('dispatch', '', 'run', {});
    const { data } = await world.db.collection('audit').limit(1000).get();
    const entries = data as unknown as { fn: string; action: string; target: string; orgId?: string; teamId?: string }[];
    const unscoped = entries.filter((entry) => !PERSONAL.has(`${entry.fn}.${entry.action}`) && !entry.orgId);
    expect(unscoped.map((entry) => `${entry.fn}.${entry.action} ${entry.target}`)).toEqual([]);
    const teamless = entries.filter((entry) => TEAM_OBJECTS.has(entry.target.split('/')[0]) && !entry.teamId);
    expect(teamless.map((entry) => `${entry.fn}.${entry.action} ${entry.target}`)).toEqual([]);
    expect(new Set(entries.map((entry) => entry.fn))).toEqual(
      new Set(['local', 'team', 'challenge', 'progress', 'achievement', 'notice', 'report', 'feedback', 'admin', 'dispatch']),
    );
  });

  it('pages with a cursor: no entry repeated or skipped, even those written in the same millisecond', async () => {
    for (let at = 0; at < 24; at += 1) await world.expectOk('team', DEMO.leaderA, 'refresh', TEAM_A);
    const first = await world.expectOk('cockpit', DEMO.leaderA, 'teamAudit', { teamId: DEMO.teamA });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await world.expectOk('cockpit', DEMO.leaderA, 'teamAudit', { teamId: DEMO.teamA, cursor: first.nextCursor });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((row) => row.id);
    expect(new Set(ids).size).toBe(25);
    const order = [...first.items, ...second.items].map((row) => [row.at, row.id] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(order).toEqual(sorted);
  });
});

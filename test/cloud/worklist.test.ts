import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORK_KINDS, type WorkKind } from '../../core/cockpit-rules';
import { TEMPLATES } from '../../core/templates';
import { DAY_MS } from '../../core/time';
import type { Enterprise, Need } from '../../core/types';
import type { WorkItem, Worklist } from '../../core/views';
import { grantWxConsent } from '../../devcloud/openapi';
import { DEMO, makeWorld, type World } from '../helpers/world';

/** Every page the app registers (root + page), read from the app config. */
function registeredPages(): Set<string> {
  const config = readFileSync(path.join(__dirname, '../../src/app.config.ts'), 'utf8');
  const pages = new Set<string>();
  const main = /defineAppConfig\(\{\s*pages: \[([^\]]*)\]/.exec(config)?.[1] ?? '';
  for (const [, page] of main.matchAll(/'([^']+)'/g)) pages.add(page);
  for (const [, root, list] of config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g)) {
    for (const [, page] of list.matchAll(/'([^']+)'/g)) pages.add(`${root}/${page}`);
  }
  return pages;
}

const PAGES = registeredPages();
const pageOf = (url: string) => url.replace(/^\//, '').split('?')[0];

function byKind(list: Worklist): Record<WorkKind, WorkItem> {
  return Object.fromEntries(list.items.map((item) => [item.kind, item])) as Record<WorkKind, WorkItem>;
}

const counts = (list: Worklist) => Object.fromEntries(list.items.map((item) => [item.kind, item.count]));

/**
 * A need taken four days ago whose first-response deadline passed yesterday with no answer, and an
 * enterprise applying with its unit (written into the store: the need handlers' own tests drive them).
 */
async function needsWaiting(world: World) {
  const now = world.clock.now;
  const needs = await world.db.store('needs');
  const open = (await needs.findOneAsync({ _id: DEMO.needOpen })) as unknown as Need;
  const late: Need = {
    ...open,
    _id: 'need-worklist-late',
    title: '电驱系统 NVH 噪声溯源',
    status: 'taken',
    ownerId: DEMO.organizer,
    takenAt: now - 4 * DAY_MS,
    respondBy: now - DAY_MS,
    respondedAt: null,
  };
  const applying: Enterprise = {
    _id: 'ent-worklist-applying',
    name: '省新能源装备有限公司',
    leagueOrgId: 'org-league-prov',
    status: 'pending',
    applicantId: DEMO.newcomer,
    createdBy: DEMO.newcomer,
    createdAt: now - DAY_MS,
    decided: null,
  };
  await needs.insertAsync(late as never);
  await (await world.db.store('enterprises')).insertAsync(applying as never);
}

/** Something in every queue the demo world leaves empty: a gate submitted, a make-up asked for, a push that failed, a letter left unsigned past a week, a need past its answer deadline, an enterprise applying. */
async function oneOfEach(world: World) {
  await needsWaiting(world);
  await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
    challengeId: DEMO.challengeRace,
    teamId: DEMO.teamB,
    decision: 'accept',
    reason: '',
  });
  await world.expectOk('challenge', DEMO.leaderB, 'submitMilestone', {
    teamId: DEMO.teamB,
    milestoneId: `${DEMO.challengeRace}_${DEMO.teamB}_1`,
    summary: '故障注入框架原型完成',
    reference: '测试报告 AI-001',
  });
  // Team B's claim was decided above: team A's is the one now waiting.
  await world.expectOk('challenge', DEMO.leaderA, 'claim', {
    teamId: DEMO.teamA,
    challengeId: DEMO.challengeRace,
    approach: '自研故障注入框架，结合形式化验证。',
    memberIds: [DEMO.leaderA],
    milestones: [{ title: '框架原型', dueDate: '2027-01-15', criterion: '完成 1000 个故障点注入' }],
    requestId: 'worklist-claim-a',
  });
  await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地出差' });
  const notice = await world.expectOk('notice', DEMO.organizer, 'publish', {
    leagueOrgId: 'org-league-prov',
    title: '关于报送季度进展的通知',
    body: '请各队队长于月底前在小程序中更新本季度的进展记录。',
    audience: 'allTeams',
    teamIds: [],
    requireAck: false,
    requestId: 'worklist-notice-1',
  });
  await grantWxConsent(world.db, DEMO.memberA, TEMPLATES.noticePublished.id, world.clock.now);
  await world.expectOk('message', DEMO.memberA, 'recordConsent', { accepted: ['noticePublished'] });
  const send = jest
    .spyOn(world.cloud.openapi.subscribeMessage, 'send')
    .mockRejectedValue(Object.assign(new Error('40003 invalid openid'), { errCode: 40003 }));
  await world.expectOk('dispatch', '', 'run', {});
  send.mockRestore();
  // The demo letter was issued two days ago: six days on it is overdue.
  world.clock.now += 6 * DAY_MS;
  return { noticeId: notice.id };
}

describe('待办: what waits for an organizer in the orgs they manage', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('counts every queue of the demo world and links each to the page that handles it', async () => {
    const { noticeId } = await oneOfEach(world);
    const list = await world.expectOk('cockpit', DEMO.organizer, 'worklist', {});
    expect(list.items.map((item) => item.kind)).toEqual([...WORK_KINDS]);
    expect(counts(list)).toEqual(Object.fromEntries(WORK_KINDS.map((kind) => [kind, 1])));
    expect(list.total).toBe(WORK_KINDS.length);
    const items = byKind(list);
    expect(items.teamApplications).toMatchObject({ examples: ['高纯靶材国产化青年突击队'], url: '/packages/admin/review/index' });
    expect(items.achievementsToConfirm).toMatchObject({
      label: '待确认的成果',
      examples: ['车规级 MCU 功能安全测试方法团体标准'],
      links: [{ name: '车规级 MCU 功能安全测试方法团体标准', url: `/packages/achievement/detail/index?id=${DEMO.achievementPending}` }],
    });
    expect(items.claimsToReview).toMatchObject({
      examples: ['「车规级芯片青年突击队」揭榜「车规级 MCU 功能安全验证平台」'],
      url: `/packages/challenge/detail/index?id=${DEMO.challengeRace}`,
      links: [expect.objectContaining({ url: `/packages/challenge/claim/index?challengeId=${DEMO.challengeRace}&teamId=${DEMO.teamA}` })],
    });
    expect(items.gatesToReview).toMatchObject({
      url: `/packages/challenge/claim/index?challengeId=${DEMO.challengeRace}&teamId=${DEMO.teamB}`,
    });
    expect(items.makeupRequests).toMatchObject({
      examples: ['「揭榜项目季度评审交流会」1 人'],
      url: `/packages/progress/attendance/index?id=${DEMO.eventPast}`,
    });
    expect(items.refreshOverdue).toMatchObject({
      examples: ['大模型推理加速青年突击队'],
      url: '/packages/admin/teams/index',
      links: [expect.objectContaining({ url: `/packages/team/detail/index?id=${DEMO.teamB}` })],
    });
    expect(items.lettersOverdue).toMatchObject({
      url: '/packages/feedback/letters/index?scope=manage',
      links: [expect.objectContaining({ url: `/packages/feedback/letter/index?id=${DEMO.letter}` })],
    });
    expect(items.lettersOverdue.examples[0]).toContain(DEMO.letterCode);
    expect(items.reports).toMatchObject({ examples: ['举报成果（虚假不实）'], url: '/packages/admin/reports/index' });
    expect(items.pushProblems).toMatchObject({
      examples: ['「关于报送季度进展的通知」失败 1'],
      url: `/packages/notice/stats/index?id=${noticeId}`,
    });
    // 企业点单: the demo world's open need and the enterprise's interest in team A's patent wait as they are.
    expect(items.needsToTake).toMatchObject({
      label: '待接单的企业需求',
      examples: ['「省汽车电子集团」动力电池管理系统 SOC 估算精度提升'],
      url: '/packages/need/queue/index',
      links: [expect.objectContaining({ url: `/packages/need/detail/index?id=${DEMO.needOpen}` })],
    });
    expect(items.needResponsesOverdue).toMatchObject({
      examples: ['「省汽车电子集团」电驱系统 NVH 噪声溯源'],
      url: '/packages/need/detail/index?id=need-worklist-late',
    });
    expect(items.enterpriseApplications).toMatchObject({ examples: ['省新能源装备有限公司'], url: '/packages/need/enterprises/index' });
    expect(items.interestsToForward).toMatchObject({
      label: '待转达团队的企业意向',
      url: '/packages/transfer/interests/index',
      links: [expect.objectContaining({ url: '/packages/transfer/interests/index' })],
    });
    for (const item of list.items) {
      expect(PAGES).toContain(pageOf(item.url));
      for (const link of item.links) expect(PAGES).toContain(pageOf(link.url));
      expect(item.links.map((link) => link.name)).toEqual(item.examples);
    }
  });

  it('empties a queue once its item is handled', async () => {
    await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地出差' });
    expect(byKind(await world.expectOk('cockpit', DEMO.organizer, 'worklist', {})).makeupRequests.count).toBe(1);
    await world.expectOk('progress', DEMO.organizer, 'reviewMakeup', {
      eventId: DEMO.eventPast,
      userId: DEMO.memberA,
      decision: 'approve',
      note: '',
    });
    await world.expectOk('team', DEMO.organizer, 'review', { teamId: DEMO.teamPending, decision: 'approve', reason: '' });
    const after = byKind(await world.expectOk('cockpit', DEMO.organizer, 'worklist', {}));
    expect(after.makeupRequests).toMatchObject({ count: 0, examples: [] });
    expect(after.teamApplications).toMatchObject({ count: 0, examples: [], url: '/packages/admin/review/index' });
  });

  it('counts nothing outside the caller’s orgs, nor what their own team asks for', async () => {
    await oneOfEach(world);
    // 智算研究院团委 holds team B only: its overdue refresh; the rest belongs to the province or to 华芯.
    const unit = await world.expectOk('cockpit', DEMO.unitOrganizer, 'worklist', {});
    expect(unit.total).toBe(1);
    expect(byKind(unit).refreshOverdue).toMatchObject({ count: 1, examples: ['大模型推理加速青年突击队'] });
    // On team A, the province's organizer is not the one to review its claim.
    await world.expectOk('team', DEMO.organizer, 'join', { inviteCode: DEMO.inviteA });
    const own = byKind(await world.expectOk('cockpit', DEMO.organizer, 'worklist', {}));
    expect(own.claimsToReview.count).toBe(0);
    expect(own.achievementsToConfirm.count).toBe(0);
    expect(own.gatesToReview.count).toBe(1);
  });

  it('is empty for a new organizer of an org with nothing in it', async () => {
    const tree = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
      orgId: 'org-league-hx',
      kind: 'league',
      name: '华芯微电子研发中心团支部',
      unitName: '华芯微电子有限公司',
      requestId: 'worklist-org-0001',
    });
    const orgId = tree.orgs.find((org) => org.name === '华芯微电子研发中心团支部')?.id ?? '';
    const { code } = await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId });
    await world.expectOk('user', 'o-fresh-organizer', 'updateProfile', {
      nickname: '郑好',
      realName: '郑好',
      unitName: '华芯微电子有限公司',
      phone: '',
    });
    await world.expectOk('admin', 'o-fresh-organizer', 'redeemCode', { code });
    const list = await world.expectOk('cockpit', 'o-fresh-organizer', 'worklist', {});
    expect(list.total).toBe(0);
    expect(list.items).toHaveLength(WORK_KINDS.length);
    for (const item of list.items) expect(item).toMatchObject({ count: 0, examples: [], links: [] });
  });

  it('is for organizers only', async () => {
    expect(await world.invoke('cockpit', DEMO.leaderA, 'worklist', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

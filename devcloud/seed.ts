/**
 * The demo world created on the local cloud's first start: a provincial league org with two
 * unit league orgs, their party orgs, users covering every role, two registered teams (one
 * overdue for its 90-day refresh), one pending application, a 揭榜挂帅 board (seed-board.ts),
 * progress logs and events (seed-progress.ts), achievements (seed-achievements.ts) and a notice.
 */
import { DAY_MS } from '../core/time';
import type { Member, Org, Team, User } from '../core/types';
import { demoBoard } from './seed-board';
import { demoAchievements } from './seed-achievements';
import { demoContacts } from './seed-contacts';
import { demoNeeds } from './seed-needs';
import { demoLetters } from './seed-letters';
import { demoNotices } from './seed-notices';
import { demoReports } from './seed-reports';
import { demoEvents, demoProgress } from './seed-progress';
import type { Database, DocData } from '../server/db/types';
import { DEMO } from './demo-ids';

export { DEMO };

export const ORGS: Org[] = [
  { _id: 'org-league-prov', kind: 'league', name: '共青团某省委员会', parentId: null, unitName: '共青团某省委员会' },
  { _id: 'org-league-hx', kind: 'league', name: '华芯微电子团委', parentId: 'org-league-prov', unitName: '华芯微电子有限公司' },
  { _id: 'org-league-zs', kind: 'league', name: '智算研究院团委', parentId: 'org-league-prov', unitName: '省智能计算研究院' },
  { _id: 'org-party-hx', kind: 'party', name: '华芯微电子党委', parentId: null, unitName: '华芯微电子有限公司' },
  { _id: 'org-party-zs', kind: 'party', name: '智算研究院党委', parentId: null, unitName: '省智能计算研究院' },
  { _id: 'org-party-cl', kind: 'party', name: '先进材料研究所党委', parentId: null, unitName: '省先进材料研究所' },
];

function person(_id: string, realName: string, unitName: string, phone: string, roles: User['roles'], now: number): User {
  return { _id, nickname: realName, avatar: '', realName, unitName, phone, roles, createdAt: now, updatedAt: now };
}

export function demoUsers(now: number): User[] {
  return [
    person(DEMO.organizer, '王敏', '共青团某省委员会', '13800000001', [{ role: 'organizer', scopeId: 'org-league-prov' }], now),
    person(DEMO.unitOrganizer, '孙悦', '省智能计算研究院', '13800000002', [{ role: 'organizer', scopeId: 'org-league-zs' }], now),
    person(DEMO.leaderA, '李航', '华芯微电子有限公司', '13800000003', [], now),
    person(DEMO.leaderB, '陈思远', '省智能计算研究院', '13800000004', [], now),
    person(DEMO.memberA, '张晓', '华芯微电子有限公司', '13800000005', [], now),
    person(DEMO.memberB, '刘洋', '省先进材料研究所', '13800000006', [], now),
    person(DEMO.applicant, '周宁', '华芯微电子有限公司', '13800000007', [], now),
    person(DEMO.partyContact, '赵立', '华芯微电子有限公司', '13800000008', [{ role: 'partyContact', scopeId: 'org-party-hx' }], now),
    person(DEMO.newcomer, '吴桐', '华芯微电子有限公司', '', [], now),
    person(DEMO.issuer, '钱工', '省汽车电子集团', '13800000009', [{ role: 'enterprise', scopeId: DEMO.enterprise }], now),
    person(DEMO.expert, '何教授', '省智能网联汽车创新中心', '13800000010', [], now),
  ];
}

function team(fields: Partial<Team> & Pick<Team, '_id' | 'name' | 'field' | 'leagueOrgId' | 'unitName' | 'partyOrgId' | 'leaderId'>): Team {
  return {
    intro: '',
    crossUnit: false,
    applicantId: fields.leaderId,
    status: 'registered',
    inviteCode: '',
    memberCount: 0,
    appliedAt: 0,
    registeredAt: null,
    refreshedAt: null,
    review: null,
    dissolved: null,
    ...fields,
  };
}

export function demoTeams(now: number): Team[] {
  const registeredA = now - 30 * DAY_MS;
  const registeredB = now - 120 * DAY_MS;
  return [
    team({
      _id: DEMO.teamA,
      name: '车规级芯片青年突击队',
      field: '集成电路',
      intro: '面向车规级 MCU 的设计验证与可靠性测试攻关。',
      leagueOrgId: 'org-league-hx',
      unitName: '华芯微电子有限公司',
      partyOrgId: 'org-party-hx',
      leaderId: DEMO.leaderA,
      inviteCode: DEMO.inviteA,
      memberCount: 2,
      appliedAt: registeredA - 3 * DAY_MS,
      registeredAt: registeredA,
      refreshedAt: registeredA,
      review: { by: DEMO.organizer, at: registeredA, reason: '' },
    }),
    team({
      _id: DEMO.teamB,
      name: '大模型推理加速青年突击队',
      field: '人工智能',
      intro: '跨单位联合攻关国产算力上的大模型推理优化。',
      leagueOrgId: 'org-league-zs',
      unitName: '省智能计算研究院',
      partyOrgId: 'org-party-zs',
      crossUnit: true,
      leaderId: DEMO.leaderB,
      inviteCode: DEMO.inviteB,
      memberCount: 2,
      appliedAt: registeredB - 5 * DAY_MS,
      registeredAt: registeredB,
      refreshedAt: registeredB,
      review: { by: DEMO.unitOrganizer, at: registeredB, reason: '' },
    }),
    team({
      _id: DEMO.teamPending,
      name: '高纯靶材国产化青年突击队',
      field: '先进材料',
      intro: '攻关 12 英寸晶圆用高纯铜靶材的制备工艺。',
      leagueOrgId: 'org-league-hx',
      unitName: '华芯微电子有限公司',
      partyOrgId: 'org-party-hx',
      leaderId: DEMO.applicant,
      status: 'pending',
      appliedAt: now - 2 * DAY_MS,
    }),
  ];
}

export function demoMembers(now: number): Member[] {
  const [a, b] = demoTeams(now);
  const m = (t: Team, userId: string, role: Member['role'], homeUnit: string, homePartyOrgId: string, joinedAt: number): Member => ({
    _id: `${t._id}_${userId}`,
    teamId: t._id,
    userId,
    role,
    homeUnit,
    homePartyOrgId,
    joinedAt,
  });
  return [
    m(a, DEMO.leaderA, 'leader', a.unitName, 'org-party-hx', a.registeredAt ?? now),
    m(a, DEMO.memberA, 'member', a.unitName, 'org-party-hx', (a.registeredAt ?? now) + DAY_MS),
    m(b, DEMO.leaderB, 'leader', b.unitName, 'org-party-zs', b.registeredAt ?? now),
    m(b, DEMO.memberB, 'member', '省先进材料研究所', 'org-party-cl', (b.registeredAt ?? now) + DAY_MS),
  ];
}

/** Seed once: a store that already has users is left as it is. */
export async function seedIfEmpty(db: Database, now = Date.now()): Promise<boolean> {
  const { total } = await db.collection('users').count();
  if (total > 0) return false;
  const put = (name: string, docs: { _id: string }[]) =>
    Promise.all(
      docs.map(({ _id, ...data }) =>
        db
          .collection(name)
          .doc(_id)
          .set({ data: data as DocData }),
      ),
    );
  await put('orgs', ORGS);
  await put('users', demoUsers(now));
  await put('teams', demoTeams(now));
  await put('members', demoMembers(now));
  const board = demoBoard(now);
  await put('challenges', board.challenges);
  await put('claims', board.claims);
  await put('milestones', board.milestones);
  await put('progress', demoProgress(now, { teamA: DEMO.teamA, leaderA: DEMO.leaderA, memberA: DEMO.memberA }));
  const events = demoEvents(now, { teamA: DEMO.teamA, teamB: DEMO.teamB, organizer: DEMO.organizer, leaderA: DEMO.leaderA });
  await put('events', events.events);
  await put('eventCheckins', events.checkins);
  const notices = demoNotices(now, DEMO.organizer, demoMembers(now));
  await put('notices', notices.notices);
  await put('noticeReads', notices.reads);
  const achievements = demoAchievements(now, {
    teamA: DEMO.teamA,
    teamB: DEMO.teamB,
    leaderA: DEMO.leaderA,
    memberA: DEMO.memberA,
    leaderB: DEMO.leaderB,
    organizer: DEMO.organizer,
    unitOrganizer: DEMO.unitOrganizer,
    wonClaim: `${DEMO.challengeDone}_${DEMO.teamB}`,
    wonChallenge: DEMO.challengeDone,
  });
  await put('achievements', achievements);
  const patent = achievements.find((item) => item._id === DEMO.achievementPatent)!;
  await put('letters', demoLetters(now, patent, { contributors: ['李航', '张晓'], confirmer: '王敏' }));
  await put('reports', demoReports(now, patent));
  for (const [name, docs] of Object.entries(demoContacts(now))) await put(name, docs);
  const needs = demoNeeds(now);
  needs.interests[0].achievementTitle = patent.title;
  for (const [name, docs] of Object.entries(needs)) await put(name, docs);
  await db
    .collection('audit')
    .add({ data: { at: now, actor: 'system', fn: 'local', action: 'seed', target: 'all', summary: '初始化演示数据' } });
  return true;
}

/**
 * The demo world grown to the size of a provincial deployment: 500 teams with 5,000 members,
 * 2,000 challenges with 1,000 claims, 50,000 progress logs, 2,000 confirmed achievements, and
 * team A itself grown to 50 members (so a call whose round trips grow with a team shows it).
 * Written straight into the store (not counted); the demo records stay as they are, so the
 * same scenarios run in both worlds.
 */
import { dayKey } from '../../core/progress-rules';
import { DAY_MS, shanghaiDay } from '../../core/time';
import type { Achievement, Challenge, Claim, Member, Org, ProgressLog, Team, User } from '../../core/types';
import type { StoredDoc } from '../../server/db/types';
import { DEMO } from '../../devcloud/demo-ids';
import type { LocalDatabase } from '../../devcloud/store';

export const LARGE = { teams: 500, membersPerTeam: 10, challenges: 2000, claims: 1000, logs: 50_000, achievements: 2000, teamAExtra: 45 };

async function template<T>(db: LocalDatabase, name: string, id: string): Promise<T> {
  const found = await (await db.store(name)).findOneAsync({ _id: id });
  if (!found) throw new Error(`large world: no ${name}/${id} to copy`);
  return found as unknown as T;
}

async function insert(db: LocalDatabase, name: string, docs: object[]): Promise<void> {
  await (await db.store(name)).insertAsync(docs as StoredDoc[]);
}

export async function growLargeWorld(db: LocalDatabase, now: number): Promise<void> {
  const teamA = await template<Team>(db, 'teams', DEMO.teamA);
  const memberA = await template<Member>(db, 'members', `${DEMO.teamA}_${DEMO.memberA}`);
  const userA = await template<User>(db, 'users', DEMO.memberA);
  const race = await template<Challenge>(db, 'challenges', DEMO.challengeRace);
  const claim = (await (await db.store('claims')).findOneAsync({ challengeId: DEMO.challengeRace })) as unknown as Claim;
  const patent = await template<Achievement>(db, 'achievements', DEMO.achievementPatent);
  const log = (await (await db.store('progress')).findOneAsync({ teamId: DEMO.teamA })) as unknown as ProgressLog;
  const provincial = await template<Org>(db, 'orgs', 'org-league-prov');

  // Twenty unit league orgs under the provincial one, each with its party org.
  const orgs: Org[] = [];
  for (let i = 0; i < 20; i += 1) {
    orgs.push({ ...provincial, _id: `org-league-bulk-${i}`, name: `共青团某单位${i}委员会`, kind: 'league', parentId: 'org-league-prov' });
    orgs.push({ ...provincial, _id: `org-party-bulk-${i}`, name: `某单位${i}党委`, kind: 'party', parentId: null });
  }
  await insert(db, 'orgs', orgs);

  const users: User[] = [];
  const teams: Team[] = [];
  const members: Member[] = [];
  for (let t = 0; t < LARGE.teams; t += 1) {
    const teamId = `team-bulk-${t}`;
    const unit = t % 20;
    const ids = Array.from({ length: LARGE.membersPerTeam }, (_, m) => `user-bulk-${t}-${m}`);
    for (const [m, userId] of ids.entries()) {
      users.push({ ...userA, _id: userId, realName: `成员${t}-${m}`, nickname: '', roles: [] });
      members.push({
        ...memberA,
        _id: `${teamId}_${userId}`,
        teamId,
        userId,
        role: m === 0 ? 'leader' : 'member',
        joinedAt: now - (m + 1) * DAY_MS,
      });
    }
    teams.push({
      ...teamA,
      _id: teamId,
      name: `第${t}青年突击队`,
      leagueOrgId: `org-league-bulk-${unit}`,
      partyOrgId: `org-party-bulk-${unit}`,
      leaderId: ids[0],
      applicantId: ids[0],
      inviteCode: `B${String(t).padStart(5, '0')}`,
      memberCount: ids.length,
    });
  }
  // Team A grows to fifty members.
  for (let m = 0; m < LARGE.teamAExtra; m += 1) {
    const userId = `user-bulk-a-${m}`;
    users.push({ ...userA, _id: userId, realName: `甲队成员${m}`, roles: [] });
    members.push({ ...memberA, _id: `${DEMO.teamA}_${userId}`, userId, role: 'member', joinedAt: now - (m + 10) * DAY_MS });
  }
  await (await db.store('teams')).updateAsync({ _id: DEMO.teamA }, { $inc: { memberCount: LARGE.teamAExtra } }, {});
  await insert(db, 'users', users);
  await insert(db, 'teams', teams);
  await insert(db, 'members', members);

  const challenges: Challenge[] = Array.from({ length: LARGE.challenges }, (_, c) => ({
    ...race,
    _id: `challenge-bulk-${c}`,
    title: `批量榜单 ${c}：${race.title}`,
    reviewerId: null,
    reviewerCode: '',
    claimCount: c < LARGE.claims ? 1 : 0,
    createdAt: now - c * 60_000,
    publishedAt: now - c * 60_000,
    updatedAt: now - c * 60_000,
  }));
  await insert(db, 'challenges', challenges);
  const claims: Claim[] = Array.from({ length: LARGE.claims }, (_, c) => ({
    ...claim,
    _id: `claim-bulk-${c}`,
    challengeId: `challenge-bulk-${c}`,
    teamId: `team-bulk-${c % LARGE.teams}`,
    leaderId: `user-bulk-${c % LARGE.teams}-0`,
    memberIds: [`user-bulk-${c % LARGE.teams}-0`],
  }));
  await insert(db, 'claims', claims);

  // 100 logs a team over the last hundred days, plus 300 more for team A.
  const logs: ProgressLog[] = [];
  for (let t = 0; t < LARGE.teams; t += 1) {
    for (let d = 0; d < LARGE.logs / LARGE.teams; d += 1) {
      const userId = `user-bulk-${t}-${d % LARGE.membersPerTeam}`;
      const day = shanghaiDay(now - (d + 1) * DAY_MS);
      logs.push({
        ...log,
        _id: `team-bulk-${t}_${userId}_${day}`,
        teamId: `team-bulk-${t}`,
        userId,
        day,
        dayKey: dayKey(day),
        createdAt: now - (d + 1) * DAY_MS,
      });
    }
  }
  for (let d = 0; d < 300; d += 1) {
    const userId = `user-bulk-a-${d % LARGE.teamAExtra}`;
    const day = shanghaiDay(now - (d + 40) * DAY_MS);
    logs.push({ ...log, _id: `${DEMO.teamA}_${userId}_${day}`, userId, day, dayKey: dayKey(day), createdAt: now - (d + 40) * DAY_MS });
  }
  await insert(db, 'progress', logs);

  const achievements: Achievement[] = Array.from({ length: LARGE.achievements }, (_, a) => ({
    ...patent,
    _id: `ach-bulk-${a}`,
    teamId: a < 30 ? DEMO.teamA : `team-bulk-${a % LARGE.teams}`,
    leagueOrgId: a < 30 ? patent.leagueOrgId : `org-league-bulk-${a % 20}`,
    title: `批量成果 ${a}`,
    featured: false,
    feature: null,
    contributorIds: a < 30 ? [DEMO.leaderA] : [`user-bulk-${a % LARGE.teams}-0`],
    confirmedAt: now - a * 3600_000,
    createdAt: now - a * 3600_000 - DAY_MS,
  }));
  await insert(db, 'achievements', achievements);
}

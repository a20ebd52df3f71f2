/** Many registered one-person teams under one league org, for load figures and the race test. */
import type { Member, Team, User } from '../core/types';
import type { LocalDatabase } from './store';

export type RaceTeam = { teamId: string; leaderId: string };

export async function seedRaceTeams(db: LocalDatabase, count: number, now: number, prefix = 'race'): Promise<RaceTeam[]> {
  const teams = Array.from({ length: count }, (_, i) => ({ teamId: `${prefix}-team-${i}`, leaderId: `${prefix}-leader-${i}` }));
  const users: User[] = teams.map(({ leaderId }, i) => ({
    _id: leaderId,
    nickname: `队长${i}`,
    avatar: '',
    realName: `队长${i}`,
    unitName: '某单位',
    phone: '',
    roles: [],
    createdAt: now,
    updatedAt: now,
  }));
  const teamDocs: Team[] = teams.map(({ teamId, leaderId }, i) => ({
    _id: teamId,
    name: `赛马队 ${i}`,
    field: '集成电路',
    intro: '',
    leagueOrgId: 'org-league-hx',
    unitName: '某单位',
    partyOrgId: 'org-party-hx',
    crossUnit: false,
    leaderId,
    applicantId: leaderId,
    status: 'registered',
    inviteCode: '',
    memberCount: 1,
    appliedAt: now,
    registeredAt: now,
    refreshedAt: now,
    review: null,
    dissolved: null,
  }));
  const members: Member[] = teams.map(({ teamId, leaderId }) => ({
    _id: `${teamId}_${leaderId}`,
    teamId,
    userId: leaderId,
    role: 'leader',
    homeUnit: '某单位',
    homePartyOrgId: 'org-party-hx',
    joinedAt: now,
  }));
  await (await db.store('users')).insertAsync(users);
  await (await db.store('teams')).insertAsync(teamDocs);
  await (await db.store('members')).insertAsync(members);
  return teams;
}

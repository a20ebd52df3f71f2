import { isRefreshDue, refreshDueAt } from '../../../core/team-rules';
import type { Member, Org, Team, User } from '../../../core/types';
import type { MemberView, TeamDetail, TeamSummary, TeamViewer } from '../../../core/views';
import type { Ctx } from '../../runtime/context';
import { fileUrl } from '../../../core/files';
import { orgName } from '../../runtime/orgs';
import { displayName, shownAvatar } from '../../runtime/users';
import { hiddenNote } from '../report/hidden';
import { teamMembers, usersById } from '../../runtime/lookups';

export function teamSummary(team: Team, orgs: Org[], leader: User | undefined, myRole: TeamSummary['myRole'], now: number): TeamSummary {
  return {
    id: team._id,
    name: team.name,
    field: team.field,
    unitName: team.unitName,
    leagueOrgName: orgName(orgs, team.leagueOrgId),
    status: team.status,
    memberCount: team.memberCount,
    crossUnit: team.crossUnit,
    myRole,
    refreshDue: isRefreshDue(team, now),
    appliedAt: team.appliedAt,
    leaderName: displayName(leader),
    hidden: hiddenNote(team.hidden),
  };
}

/** Summaries for a list of teams, with leader names loaded in one query (none for the users in `known`). */
export async function teamSummaries(
  ctx: Ctx,
  teams: Team[],
  orgs: Org[],
  roleOf: (team: Team) => TeamSummary['myRole'] = () => null,
  known: User[] = [],
): Promise<TeamSummary[]> {
  const leaders = await usersById(
    ctx,
    teams.map((team) => team.leaderId),
    known,
  );
  const now = ctx.now();
  return teams.map((team) => teamSummary(team, orgs, leaders.get(team.leaderId), roleOf(team), now));
}

export function memberView(member: Member, user: User | undefined, orgs: Org[]): MemberView {
  return {
    userId: member.userId,
    name: displayName(user),
    avatarUrl: fileUrl(user ? shownAvatar(user) : ''),
    role: member.role,
    homeUnit: member.homeUnit,
    homePartyOrgName: orgName(orgs, member.homePartyOrgId),
    phone: user?.phone ?? '',
    joinedAt: member.joinedAt,
  };
}

/** A team's detail from records already read: `members` and `people` are only shown to insiders. */
export function teamDetailView(
  team: Team,
  orgs: Org[],
  viewer: TeamViewer,
  myRole: TeamSummary['myRole'],
  members: Member[],
  people: Map<string, User>,
  now: number,
): TeamDetail {
  const insider = viewer.isMember || viewer.isOrganizer;
  const leaderFirst = [...members].sort((a, b) => Number(b.role === 'leader') - Number(a.role === 'leader'));
  return {
    ...teamSummary(team, orgs, people.get(team.leaderId), myRole, now),
    // Hidden after a report: people outside the team and its organizers no longer see what it says.
    intro: team.hidden && !insider ? '' : team.intro,
    leagueOrgId: team.leagueOrgId,
    partyOrgId: team.partyOrgId,
    partyOrgName: orgName(orgs, team.partyOrgId),
    registeredAt: team.registeredAt,
    refreshedAt: team.refreshedAt,
    refreshDueAt: refreshDueAt(team),
    review: team.review ? { at: team.review.at, reason: team.review.reason } : null,
    dissolved: team.dissolved ? { at: team.dissolved.at, reason: team.dissolved.reason } : null,
    inviteCode: insider && team.status === 'registered' ? team.inviteCode : null,
    members: insider ? leaderFirst.map((member) => memberView(member, people.get(member.userId), orgs)) : null,
    viewer,
  };
}

/** The people a detail names: the leader, and for insiders every member. */
export function detailPeopleIds(team: Pick<Team, 'leaderId'>, members: Member[]): string[] {
  return [team.leaderId, ...members.map((member) => member.userId)];
}

export async function teamDetail(
  ctx: Ctx,
  team: Team,
  orgs: Org[],
  viewer: TeamViewer,
  myRole: TeamSummary['myRole'],
): Promise<TeamDetail> {
  const insider = viewer.isMember || viewer.isOrganizer;
  const members = insider ? await teamMembers(ctx, team._id) : [];
  const people = await usersById(ctx, detailPeopleIds(team, members));
  return teamDetailView(team, orgs, viewer, myRole, members, people, ctx.now());
}

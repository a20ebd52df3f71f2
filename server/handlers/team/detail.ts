/**
 * Reading a team's detail in two rounds: the team, the caller's membership, the org tree and the
 * members together, then the people they name. Changes made by a leader read the same things
 * before their transaction and answer with the detail as it is after it, without reading again.
 */
import { AppError } from '../../../core/errors';
import type { Member, Org, Team, User } from '../../../core/types';
import type { TeamDetail, TeamSummary, TeamViewer } from '../../../core/views';
import { findById } from '../../db/collections';
import type { Ctx } from '../../runtime/context';
import { membershipOf, teamMembers, usersById } from '../../runtime/lookups';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { detailPeopleIds, teamDetailView } from './views';

/** What a detail is built from. */
export type DetailBasis = { orgs: Org[]; members: Member[]; people: Map<string, User> };

/** How the caller stands to the team; `role` is their membership's, or null. */
export function viewerOf(caller: User, team: Team, role: Member['role'] | null, orgs: Org[]) {
  const viewer: TeamViewer = {
    isMember: role !== null,
    isLeader: role === 'leader',
    // As isTeamOrganizer decides, from the tree in hand (the memo is gone once a change commits).
    isOrganizer: managedLeagueOrgIds(orgs, caller).has(team.leagueOrgId),
    isApplicant: team.applicantId === caller._id,
  };
  const myRole: TeamSummary['myRole'] = role ?? (viewer.isApplicant && team.status !== 'registered' ? 'applicant' : null);
  return { viewer, myRole };
}

/** The detail any signed-in caller asks for by id. */
export async function readDetail(ctx: Ctx, caller: User, teamId: string): Promise<TeamDetail> {
  // The members are read alongside the rest, before we know whether the caller may see them.
  const [team, membership, orgs, members] = await Promise.all([
    findById(ctx.db, 'teams', teamId),
    membershipOf(ctx, teamId, caller._id),
    loadOrgs(ctx),
    teamMembers(ctx, teamId),
  ]);
  if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队');
  const { viewer, myRole } = viewerOf(caller, team, membership?.role ?? null, orgs);
  const shown = viewer.isMember || viewer.isOrganizer ? members : [];
  const people = await usersById(ctx, detailPeopleIds(team, shown));
  return teamDetailView(team, orgs, viewer, myRole, shown, people, ctx.now());
}

/** The members of a team and the people they are, read before a change to it. */
export async function readBasis(ctx: Ctx, team: Team): Promise<DetailBasis> {
  const [orgs, members] = await Promise.all([loadOrgs(ctx), teamMembers(ctx, team._id)]);
  return { orgs, members, people: await usersById(ctx, detailPeopleIds(team, members)) };
}

/**
 * The detail a leader sees after changing the team: `team` as the transaction left it (read inside
 * it) and `members` as the change left the list read before it. If someone joined or left in
 * between (the count the transaction saw disagrees with the list), the detail is read afresh.
 */
export async function leaderDetail(ctx: Ctx, caller: User, team: Team, members: Member[], basis: DetailBasis): Promise<TeamDetail> {
  if (team.memberCount !== members.length) return readDetail(ctx, caller, team._id);
  const role = members.find((member) => member.userId === caller._id)?.role ?? null;
  const { viewer, myRole } = viewerOf(caller, team, role, basis.orgs);
  return teamDetailView(team, basis.orgs, viewer, myRole, members, basis.people, ctx.now());
}

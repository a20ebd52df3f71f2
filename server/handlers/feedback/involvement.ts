/**
 * Party organizations an organizer's teams touch: their units', and the home party organizations
 * of cross-unit teams' members (the only ones a letter goes to besides the unit's). Two rounds of
 * reads after the org tree (which the organizer access rule has already read): the caller's teams,
 * then the members of those that are cross-unit.
 */
import type { Org, User } from '../../../core/types';
import { findAll } from '../../db/query';
import { membersOfTeams } from '../../runtime/lookups';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';

export async function involvement<T>(
  ctx: Ctx,
  caller: User,
  alongside: (orgs: Org[]) => Promise<T>,
): Promise<{ orgs: Org[]; involved: Set<string>; also: T }> {
  const _ = ctx.db.command;
  const orgs = await loadOrgs(ctx);
  const managed = managedLeagueOrgIds(orgs, caller);
  const [teams, also] = await Promise.all([findAll(ctx.db, 'teams', { leagueOrgId: _.in([...managed]) }), alongside(orgs)]);
  const crossIds = teams.filter((team) => team.crossUnit).map((team) => team._id);
  const members = crossIds.length ? await membersOfTeams(ctx, crossIds) : [];
  const involved = new Set([...teams.map((team) => team.partyOrgId), ...members.map((member) => member.homePartyOrgId)].filter(Boolean));
  return { orgs, involved, also };
}

/**
 * Party organizations an organizer's teams touch: their units', and the home party organizations
 * of cross-unit teams' members (the only ones a letter goes to besides the unit's). Two rounds of
 * reads: cross-unit teams are few, so they are read with the org tree, before it says which are the
 * caller's.
 */
import type { Org, User } from '../../../core/types';

import { findAll, findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';

export async function involvement<T>(
  ctx: Ctx,
  caller: User,
  alongside: (orgs: Org[]) => Promise<T>,
): Promise<{ orgs: Org[]; involved: Set<string>; also: T }> {
  const _ = ctx.db.command;
  const [orgs, crossUnit] = await Promise.all([loadOrgs(ctx), findFields(ctx.db, 'teams', { crossUnit: true }, ['leagueOrgId'])]);
  const managed = managedLeagueOrgIds(orgs, caller);
  const crossIds = crossUnit.filter((team) => managed.has(team.leagueOrgId)).map((team) => team._id);
  const [teams, members, also] = await Promise.all([
    findAll(ctx.db, 'teams', { leagueOrgId: _.in([...managed]) }),
    crossIds.length ? findAll(ctx.db, 'members', { teamId: _.in(crossIds) }) : [],
    alongside(orgs),
  ]);
  const involved = new Set([...teams.map((team) => team.partyOrgId), ...members.map((member) => member.homePartyOrgId)].filter(Boolean));
  return { orgs, involved, also };
}

/**
 * Who a notice reaches: the chosen teams, or every registered team under the publishing org, and
 * their members (leaders only when the notice says so), one membership per person.
 */
import type { Member, Notice, Org, Team } from '../../../core/types';

import { MAX_PAGE, findAll } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { leagueSubtree } from '../../runtime/orgs';

type Audience = Pick<Notice, 'leagueOrgId' | 'audience' | 'teamIds'>;
type AudienceTeam = Pick<Team, '_id' | 'memberCount'>;

/** Every registered team under the publishing org (for the chosen teams, the caller already holds them). */
export function teamsUnder(ctx: Ctx, orgs: Org[], leagueOrgId: string): Promise<Team[]> {
  const subtree = [...leagueSubtree(orgs, [leagueOrgId])];
  return findAll(ctx.db, 'teams', { status: 'registered', leagueOrgId: ctx.db.command.in(subtree) });
}

/** The audience's teams among `candidates` (registered and under the publishing org). */
export function audienceTeams<T extends Pick<Team, '_id' | 'status' | 'leagueOrgId'>>(orgs: Org[], notice: Audience, candidates: T[]): T[] {
  const subtree = leagueSubtree(orgs, [notice.leagueOrgId]);
  const chosen = new Set(notice.teamIds);
  return candidates.filter(
    (team) => team.status === 'registered' && subtree.has(team.leagueOrgId) && (notice.audience !== 'teams' || chosen.has(team._id)),
  );
}

/** Teams grouped so that each group's members fit one page; the groups are read all at once. */
function groups(teams: AudienceTeam[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const team of teams) {
    const members = Math.max(1, team.memberCount || 0);
    if (current.length && size + members > MAX_PAGE) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(team._id);
    size += members;
  }
  if (current.length) out.push(current);
  return out;
}

/** One membership per person (the first in membership-id order), leaders only when the notice says so. */
export async function recipientsOf(ctx: Ctx, notice: Audience, teams: AudienceTeam[]): Promise<Member[]> {
  const _ = ctx.db.command;
  const leadersOnly = notice.audience === 'leaders';
  // A group whose member counts were stale still reads whole: findAll pages on.
  const pages = await Promise.all(
    groups(teams).map((teamIds) =>
      findAll(ctx.db, 'members', leadersOnly ? { teamId: _.in(teamIds), role: 'leader' } : { teamId: _.in(teamIds) }),
    ),
  );
  const members = pages.flat().sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const byUser = new Map<string, Member>();
  for (const member of members) if (!byUser.has(member.userId)) byUser.set(member.userId, member);
  return [...byUser.values()];
}

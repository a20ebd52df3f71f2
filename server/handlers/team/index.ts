import { AppError } from '../../../core/errors';
import { REFRESH_AFTER_DAYS } from '../../../core/team-rules';
import { DAY_MS } from '../../../core/time';
import type { Org } from '../../../core/types';
import { byIds, find } from '../../db/query';
import type { DocData } from '../../db/types';
import type { Handlers } from '../../runtime/function';
import { membershipOf, membershipsOf, usersById } from '../../runtime/lookups';
import { activeOrgs, loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { readDetail } from './detail';
import { teamByCode } from './guards';
import { registrationHandlers } from './registration';
import { rosterHandlers } from './roster';
import { teamSummaries } from './views';

export const teamHandlers: Handlers<'team'> = {
  ...registrationHandlers,
  ...rosterHandlers,

  orgOptions: async ({ ctx }) => {
    const orgs = activeOrgs(await loadOrgs(ctx));
    const option = (org: Org) => ({ id: org._id, name: org.name, unitName: org.unitName, parentId: org.parentId });
    return {
      league: orgs.filter((org) => org.kind === 'league').map(option),
      party: orgs.filter((org) => org.kind === 'party').map(option),
    };
  },

  mine: async ({ ctx, caller }) => {
    // The caller's memberships come with the access round; their teams are read as soon as they do.
    const memberships = membershipsOf(ctx, caller._id);
    const [roles, joined, applied, orgs] = await Promise.all([
      memberships,
      memberships.then((all) =>
        byIds(
          ctx.db,
          'teams',
          all.map((member) => member.teamId),
        ),
      ),
      find(ctx.db, 'teams', { applicantId: caller._id, status: ctx.db.command.in(['pending', 'rejected']) }, { limit: 100 }),
      loadOrgs(ctx),
    ]);
    const roleByTeam = new Map(roles.map((member) => [member.teamId, member.role]));
    const teams = [...joined, ...applied].sort((a, b) => b.appliedAt - a.appliedAt);
    // The caller leads their own teams and applications: no need to read them as a leader.
    return teamSummaries(ctx, teams, orgs, (team) => roleByTeam.get(team._id) ?? 'applicant', [caller]);
  },

  detail: async ({ ctx, caller, input }) => {
    const detail = await readDetail(ctx, caller, input.teamId);
    const { isMember, isOrganizer, isApplicant } = detail.viewer;
    if (!isMember && !isOrganizer && !isApplicant && (detail.status === 'pending' || detail.status === 'rejected')) {
      throw new AppError('NOT_FOUND', '找不到这支突击队');
    }
    return detail;
  },

  preview: async ({ ctx, caller, input }) => {
    const team = await teamByCode(ctx, caller._id, input.inviteCode);
    const [leaders, membership] = await Promise.all([usersById(ctx, [team.leaderId]), membershipOf(ctx, team._id, caller._id)]);
    return {
      id: team._id,
      name: team.name,
      field: team.field,
      unitName: team.unitName,
      crossUnit: team.crossUnit,
      memberCount: team.memberCount,
      leaderName: displayName(leaders.get(team.leaderId)),
      partyOrgId: team.partyOrgId,
      alreadyMember: membership !== null,
    };
  },

  pending: async ({ ctx, caller }) => {
    const orgs = await loadOrgs(ctx);
    const managed = [...managedLeagueOrgIds(orgs, caller)];
    const teams = await find(
      ctx.db,
      'teams',
      { status: 'pending', leagueOrgId: ctx.db.command.in(managed) },
      { orderBy: [['appliedAt', 'asc']], limit: 100 },
    );
    return teamSummaries(ctx, teams, orgs);
  },

  orgTeams: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const orgs = await loadOrgs(ctx);
    const where: DocData = { leagueOrgId: _.in([...managedLeagueOrgIds(orgs, caller)]) };
    if (input.status === 'refreshDue') {
      where.status = 'registered';
      where.refreshedAt = _.lt(ctx.now() - REFRESH_AFTER_DAYS * DAY_MS);
    } else if (input.status !== 'all') {
      where.status = input.status;
    }
    const teams = await find(ctx.db, 'teams', where, { orderBy: [['appliedAt', 'desc']], limit: 500 });
    return teamSummaries(ctx, teams, orgs);
  },
};

import { AppError } from '../../core/errors';
import type { AccessRule } from '../../core/permissions';
import type { Team, User } from '../../core/types';
import { findById } from '../db/collections';
import type { Ctx } from './context';
import { loadOrgs, managedLeagueOrgIds } from './orgs';

export type AccessGrant = { team: Team | null };

function teamIdOf(input: unknown): string | null {
  const value = (input as { teamId?: unknown } | null)?.teamId;
  return typeof value === 'string' ? value : null;
}

export async function isTeamOrganizer(ctx: Ctx, caller: User, team: Team): Promise<boolean> {
  if (!caller.roles.some((grant) => grant.role === 'organizer')) return false;
  return managedLeagueOrgIds(await loadOrgs(ctx.db), caller).has(team.leagueOrgId);
}

export async function memberRole(ctx: Ctx, teamId: string, userId: string) {
  return (await findById(ctx.db, 'members', `${teamId}_${userId}`))?.role ?? null;
}

/** Enforce a caller's access rule with roles and memberships read from the database. ('system' actions never reach here: they have no caller.) */
export async function checkAccess(rule: Exclude<AccessRule, 'system'>, ctx: Ctx, caller: User, input: unknown): Promise<AccessGrant> {
  if (rule === 'signedIn') return { team: null };
  if (rule === 'organizer') {
    if (caller.roles.some((grant) => grant.role === 'organizer')) return { team: null };
    throw new AppError('FORBIDDEN', '只有团组织管理员可以进行此操作');
  }
  const teamId = teamIdOf(input);
  const team = teamId ? await findById(ctx.db, 'teams', teamId) : null;
  if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队，可能已被删除');
  if (rule === 'teamOrganizer') {
    if (await isTeamOrganizer(ctx, caller, team)) return { team };
    throw new AppError('FORBIDDEN', '只有该队伍所属团组织的管理员可以进行此操作');
  }
  const role = await memberRole(ctx, team._id, caller._id);
  if (rule === 'teamLeader' && role === 'leader') return { team };
  if (rule === 'teamMember' && role) return { team };
  throw new AppError('FORBIDDEN', rule === 'teamLeader' ? '只有队长可以进行此操作' : '只有本队成员可以进行此操作');
}

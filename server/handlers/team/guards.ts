import { AppError } from '../../../core/errors';
import type { Org, Team } from '../../../core/types';
import type { Ctx } from '../../runtime/context';
import { find } from '../../db/query';

export function requireOrg(orgs: Org[], id: string, kind: Org['kind']): Org {
  const org = orgs.find((candidate) => candidate._id === id && candidate.kind === kind);
  if (!org) throw new AppError('INVALID_INPUT', kind === 'league' ? '请选择有效的所属团组织' : '请选择有效的党组织');
  return org;
}

export function requireRegistered(team: Team): void {
  if (team.status !== 'registered') {
    throw new AppError('STATE_CONFLICT', team.status === 'dissolved' ? '该突击队已解散' : '该突击队尚未完成备案');
  }
}

export async function teamByCode(ctx: Ctx, code: string): Promise<Team> {
  const [team] = await find(ctx.db, 'teams', { inviteCode: code, status: 'registered' }, { limit: 1 });
  if (!team) throw new AppError('INVITE_INVALID');
  return team;
}

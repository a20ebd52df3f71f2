import { AppError } from '../../../core/errors';
import type { InviteGuesses, Org, Team } from '../../../core/types';
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

/** Failed invite-code lookups a user may make in one hour before being refused. */
export const GUESS_LIMIT = 10;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The registered team an invite code names. Failed lookups are counted per user per hour in the
 * database (instances share nothing); past GUESS_LIMIT the answer is refused whatever the code.
 * The count is read alongside the lookup, so a refused caller learns nothing from the lookup.
 */
export async function teamByCode(ctx: Ctx, userId: string, code: string): Promise<Team> {
  const hour = Math.floor(ctx.now() / HOUR_MS);
  const guessId = `${userId}_${hour}`;
  const [[guesses], [team]] = await Promise.all([
    find(ctx.db, 'guesses', { _id: guessId }, { limit: 1 }),
    find(ctx.db, 'teams', { inviteCode: code, status: 'registered' }, { limit: 1 }),
  ]);
  if (guesses && guesses.failures >= GUESS_LIMIT) throw new AppError('TOO_MANY_ATTEMPTS');
  if (!team) {
    await countFailure(ctx, { _id: guessId, userId, hour, failures: 1, at: ctx.now() });
    throw new AppError('INVITE_INVALID');
  }
  return team;
}

/** One more failure: an atomic increment, or the hour's first record (a lost race to create it increments). */
async function countFailure(ctx: Ctx, first: InviteGuesses): Promise<void> {
  const { _id, ...data } = first;
  const increment = () =>
    ctx.db
      .collection('guesses')
      .doc(_id)
      .update({ data: { failures: ctx.db.command.inc(1), at: first.at } });
  if ((await increment()).stats.updated) return;
  try {
    await ctx.db.collection('guesses').add({ data: { _id, ...data } });
  } catch {
    await increment();
  }
}

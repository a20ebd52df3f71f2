import { AppError } from '../../../core/errors';
import type { InviteGuesses, Org, Team } from '../../../core/types';
import type { Ctx } from '../../runtime/context';
import { findById } from '../../db/collections';
import { find } from '../../db/query';
import { admitGuess, GUESS_LIMIT, guessOf } from '../../runtime/guesses';

export function requireOrg(orgs: Org[], id: string, kind: Org['kind']): Org {
  const org = orgs.find((candidate) => candidate._id === id && candidate.kind === kind && !candidate.retiredAt);
  if (!org) throw new AppError('INVALID_INPUT', kind === 'league' ? '请选择有效的所属团组织' : '请选择有效的党组织');
  return org;
}

export function requireRegistered(team: Team): void {
  if (team.status !== 'registered') {
    throw new AppError('STATE_CONFLICT', team.status === 'dissolved' ? '该突击队已解散' : '该突击队尚未完成备案');
  }
}

/**
 * The registered team an invite code names, read together with the caller's attempts this hour
 * (`spent`: none left). Nothing is revealed until `admitGuess` has counted the attempt.
 */
export async function lookUpCode(
  ctx: Ctx,
  userId: string,
  code: string,
): Promise<{ team: Team | null; guess: InviteGuesses; spent: boolean }> {
  const guess = guessOf(ctx, userId);
  const [[team], counted] = await Promise.all([
    find(ctx.db, 'teams', { inviteCode: code, status: 'registered' }, { limit: 1 }),
    findById(ctx.db, 'guesses', guess._id),
  ]);
  return { team: team ?? null, guess, spent: (counted?.failures ?? 0) >= GUESS_LIMIT };
}

/** The refusal for an attempt that was not admitted ('ok' here means a right code that is gone meanwhile). */
export function refuseGuess(outcome: 'ok' | 'refused' | 'wrong'): never {
  throw new AppError(outcome === 'refused' ? 'TOO_MANY_ATTEMPTS' : 'INVITE_INVALID');
}

/** The team an invite code names, for reading (team.preview): the attempt counted first, in its own transaction. */
export async function teamByCode(ctx: Ctx, userId: string, code: string): Promise<Team> {
  const { team, guess, spent } = await lookUpCode(ctx, userId, code);
  if (spent) refuseGuess('refused');
  const outcome = await ctx.db.runTransaction((tx) => admitGuess(tx, guess, team !== null));
  if (outcome !== 'ok' || !team) return refuseGuess(outcome);
  return team;
}

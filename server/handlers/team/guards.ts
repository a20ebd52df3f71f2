import { AppError } from '../../../core/errors';
import type { InviteGuesses, Org, Team } from '../../../core/types';
import type { Ctx } from '../../runtime/context';
import { findById, txFind, txSet } from '../../db/collections';
import type { Transaction } from '../../db/types';
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

/** The user's counter of invite-code attempts for this hour. */
export function guessOf(ctx: Ctx, userId: string): InviteGuesses {
  const hour = Math.floor(ctx.now() / HOUR_MS);
  return { _id: `${userId}_${hour}`, userId, hour, failures: 0, at: ctx.now() };
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

/**
 * Inside a transaction (so simultaneous guesses are counted one after another, exactly): refused
 * when the hour's attempts are used up; otherwise a wrong code is counted. Nothing is kept in
 * memory: instances share nothing.
 */
export async function admitGuess(tx: Transaction, guess: InviteGuesses, found: boolean): Promise<'ok' | 'refused' | 'wrong'> {
  const current = await txFind(tx, 'guesses', guess._id);
  if (current && current.failures >= GUESS_LIMIT) return 'refused';
  if (found) return 'ok';
  await txSet(tx, 'guesses', { ...guess, ...current, failures: (current?.failures ?? 0) + 1, at: guess.at });
  return 'wrong';
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

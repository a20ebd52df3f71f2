/** Attempts at one-time codes (team invites, organizer codes), counted per user per hour. */
import type { InviteGuesses } from '../../core/types';
import { txFind, txSet } from '../db/collections';
import type { Transaction } from '../db/types';
import type { Ctx } from './context';

/** Failed invite-code lookups a user may make in one hour before being refused. */
export const GUESS_LIMIT = 10;
const HOUR_MS = 60 * 60 * 1000;

/** The user's counter of invite-code attempts for this hour. */
export function guessOf(ctx: Ctx, userId: string): InviteGuesses {
  const hour = Math.floor(ctx.now() / HOUR_MS);
  return { _id: `${userId}_${hour}`, userId, hour, failures: 0, at: ctx.now() };
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

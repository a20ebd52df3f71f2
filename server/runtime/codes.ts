import { randomInt } from 'node:crypto';
import { INVITE_ALPHABET } from '../../core/team-rules';
import type { CollectionName } from '../db/collections';
import type { Ctx } from './context';

/** A random code, unused in `collection.field`, from the alphabet that avoids 0/O and 1/I. */
export async function uniqueCode(ctx: Ctx, collection: CollectionName, field: string, length: number): Promise<string> {
  for (;;) {
    const code = Array.from({ length }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
    const { total } = await ctx.db
      .collection(collection)
      .where({ [field]: code })
      .count();
    if (total === 0) return code;
  }
}

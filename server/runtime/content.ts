import { AppError } from '../../core/errors';
import type { Ctx } from './context';

export type ContentVerdict = 'pass' | 'review';

/** msgSecCheck v2 takes at most 2,500 characters of content in one call. */
export const MAX_CHECK_CHARS = 2500;

/**
 * User-written text goes through WeChat's msgSecCheck v2. The function runtime calls this with
 * every field the action's schema marks as user text (core/schemas/user-text.ts), before the
 * handler runs. The verdict is read from `result.suggest` (errCode 0 does not mean the text
 * passed): risky text is refused; text marked for review is accepted and flagged for a person.
 * Texts go in as few calls as fit WeChat's length cap (one for nearly every action), sent together.
 */
export async function checkTexts(ctx: Ctx, texts: readonly string[]): Promise<ContentVerdict> {
  const batches = batchesOf(texts.filter(Boolean));
  if (!batches.length) return 'pass';
  const verdicts = await Promise.all(
    batches.map(async (content) => {
      const answer = await ctx.openapi.security.msgSecCheck({ openid: ctx.openid, scene: 1, version: 2, content });
      // An answer without a verdict is not a pass: a person looks at it (内容待复核).
      return answer.result?.suggest ?? 'review';
    }),
  );
  if (verdicts.includes('risky')) throw new AppError('CONTENT_RISKY');
  return verdicts.includes('review') ? 'review' : 'pass';
}

/** The texts joined by line breaks into contents of at most MAX_CHECK_CHARS; a longer text is cut. */
function batchesOf(texts: string[]): string[] {
  const pieces = texts.flatMap((text) => {
    if (text.length <= MAX_CHECK_CHARS) return [text];
    const chars = Array.from(text);
    const slices: string[] = [];
    for (let start = 0; start < chars.length; start += MAX_CHECK_CHARS / 2) {
      slices.push(chars.slice(start, start + MAX_CHECK_CHARS / 2).join(''));
    }
    return slices;
  });
  const batches: string[] = [];
  for (const piece of pieces) {
    const last = batches.length - 1;
    if (last >= 0 && batches[last].length + 1 + piece.length <= MAX_CHECK_CHARS) batches[last] += `\n${piece}`;
    else batches.push(piece);
  }
  return batches;
}

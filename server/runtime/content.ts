import { AppError } from '../../core/errors';
import type { Ctx } from './context';
import { early } from './early';

export type ContentVerdict = 'pass' | 'review';

/**
 * User-written text goes through WeChat's msgSecCheck v2. The verdict is read from
 * `result.suggest` (errCode 0 does not mean the text passed). Risky text is refused;
 * text marked for review is accepted and flagged for a person to look at.
 */
export async function checkText(ctx: Ctx, scene: 1 | 2 | 3 | 4, ...parts: string[]): Promise<ContentVerdict> {
  const content = parts.filter(Boolean).join('\n');
  if (!content) return 'pass';
  const answer = await ctx.openapi.security.msgSecCheck({ openid: ctx.openid, scene, version: 2, content });
  const suggest = answer.result?.suggest;
  if (suggest === 'risky') throw new AppError('CONTENT_RISKY');
  return suggest === 'review' ? 'review' : 'pass';
}

/**
 * `checkText` started now, alongside the reads, and its verdict taken later where the action asks
 * for it (so the order of refusals stays the same). A refusal never surfaces as an unhandled
 * rejection when the action ends before taking it (a replayed request, an earlier refusal).
 */
export function startTextCheck(ctx: Ctx, scene: 1 | 2 | 3 | 4, ...parts: string[]): Promise<ContentVerdict> {
  return early(checkText(ctx, scene, ...parts));
}

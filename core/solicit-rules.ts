/**
 * 征榜 before 发榜: a challenge made from an enterprise need is published only once the issuer's
 * commitments are confirmed by the enterprise and every named expert reviewer has approved it.
 * The server's publish gate and the page's checklist both read `solicitBlockers`.
 */
import type { ExpertSlot, Solicitation } from './types';

export const MAX_EXPERTS = 5;

/** What still stands between a 征榜 draft and 发榜, in words; empty when it may be published. */
export function solicitBlockers(solicit: Solicitation): string[] {
  const blockers: string[] = [];
  if (!solicit.commitments) blockers.push('录入出题方承诺');
  else if (!solicit.commitmentsConfirmed) blockers.push('企业确认出题方承诺');
  if (!solicit.experts.length) blockers.push('邀请至少一位评审专家');
  for (const expert of solicit.experts) {
    if (!expert.userId) blockers.push(`${expert.name}用评审码绑定`);
    else if (expert.verdict !== 'approved') blockers.push(`${expert.name}评审通过`);
  }
  return blockers;
}

/** The publish gate's refusal: 「发榜前还需：企业确认出题方承诺；何教授评审通过」. */
export const publishRefusal = (blockers: string[]) => `发榜前还需：${blockers.join('；')}`;

/**
 * Verdicts set back to pending after the draft or its commitments changed (the experts approved
 * something else). The last comment and its time stay, so the organizer still sees what was said.
 */
export function reopenedReviews(experts: ExpertSlot[]): ExpertSlot[] {
  return experts.map((expert) => (expert.verdict === 'pending' ? expert : { ...expert, verdict: 'pending' }));
}

/**
 * The slot a new expert takes: one past the highest so far, removed experts included (slots are
 * never reused: a code issued for a removed slot must never bind a new one).
 */
export const nextExpertSlot = (solicit: Pick<Solicitation, 'experts' | 'removedExperts'>) =>
  [...solicit.experts, ...(solicit.removedExperts ?? [])].reduce((next, expert) => Math.max(next, expert.slot + 1), 0);

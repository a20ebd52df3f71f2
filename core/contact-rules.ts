/** 直接联系: an org's ledger of the teams it contacts directly in a cycle, what was done, and what was asked. */

export const CONTACT_KINDS = ['training', 'exchange', 'visit', 'listening'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  training: '培训研讨',
  exchange: '交流活动',
  visit: '走访',
  listening: '听取意见建议',
};

export const OPINION_STATES = ['open', 'replied', 'resolved'] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const OPINION_STATE_LABELS: Record<OpinionState, string> = { open: '待办', replied: '已回复', resolved: '已解决' };
/** Opinions move forward only: 待办 → 已回复 → 已解决 (a reply may be skipped). */
export const OPINION_NEXT: Record<OpinionState, OpinionState[]> = { open: ['replied', 'resolved'], replied: ['resolved'], resolved: [] };

/** A cycle is named by its first year and lasts this many years unless chosen otherwise. */
export const CYCLE_YEARS_DEFAULT = 2;
/** A chosen team not contacted for this long is on the worklist. */
export const CONTACT_STALE_DAYS = 90;

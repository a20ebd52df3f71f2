/**
 * 反馈函: what the League tells a unit's party organization about its team and members. A letter
 * carries only records someone outside the team confirmed, each with who confirmed it and when,
 * and anyone can check it later by its reference code against the current records.
 */
import { DAY_MS, inShanghai, shanghaiDayEnd } from './time';

export const LETTER_ITEM_KINDS = ['achievement', 'gate', 'claim', 'attendance'] as const;
export type LetterItemKind = (typeof LETTER_ITEM_KINDS)[number];
export const LETTER_ITEM_LABELS: Record<LetterItemKind, string> = {
  achievement: '成果',
  gate: '揭榜节点',
  claim: '揭榜结果',
  attendance: '活动出勤',
};

export const LETTER_STATUSES = ['draft', 'issued', 'opened', 'acknowledged'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  draft: '季度草稿',
  issued: '已送达',
  opened: '已查看',
  acknowledged: '已签收',
};

export const VERIFY_VERDICTS = ['same', 'changed', 'revoked'] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];
export const VERIFY_LABELS: Record<VerifyVerdict, string> = { same: '一致', changed: '已变更', revoked: '已撤销' };

/** Unacknowledged this long after issue: one reminder to the contact and a flag for the organizer. */
export const ACK_REMIND_DAYS = 7;
export const REF_CODE_LENGTH = 10;
export const CONTACT_CODE_LENGTH = 8;
export const CONTACT_CODE_DAYS = 7;
export const MAX_LETTER_ITEMS = 200;
export const MAX_PERIOD_DAYS = 400;

export const letterItemId = (kind: LetterItemKind, refId: string) => `${kind}:${refId}`;

/** A period's bounds in epoch ms: from the start of `from` to the end of `to` (Shanghai days). */
export function periodBounds(from: string, to: string): { start: number; end: number } {
  return { start: shanghaiDayEnd(from) - DAY_MS + 1, end: shanghaiDayEnd(to) };
}

export type Quarter = { key: string; from: string; to: string };

/** The calendar quarter (Shanghai) holding `ms`, e.g. 2026Q4 = 2026-10-01..2026-12-31. */
export function quarterOf(ms: number): Quarter {
  const date = inShanghai(ms);
  const index = Math.floor(date.month() / 3);
  const start = date.month(index * 3).date(1);
  const end = start.add(3, 'month').subtract(1, 'day');
  return { key: `${date.year()}Q${index + 1}`, from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

export function previousQuarter(ms: number): Quarter {
  const current = quarterOf(ms);
  return quarterOf(periodBounds(current.from, current.from).start - 1);
}

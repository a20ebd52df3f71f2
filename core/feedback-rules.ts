/**
 * 反馈函: what the League tells a unit's party organization about its team and members. A letter
 * carries only confirmed records, each saying exactly how it was established — by whom (and their
 * org), or by the system's sign-in check — and when; anyone can check it later by its reference
 * code against the current records.
 */
import { usesCode, usesLocation, type EventMode } from './progress-rules';
import { DAY_MS, inShanghai, shanghaiDay, shanghaiDayEnd } from './time';
import type { LetterBasis, SignInSignals } from './types';
import type { LetterBasisView } from './views';

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

/** A letter's period ends no later than the (Shanghai) day it is issued: a later end is cut to that day. */
export function periodUpTo(period: { from: string; to: string }, issuedAt: number): { from: string; to: string } {
  const issueDay = shanghaiDay(issuedAt);
  return { from: period.from, to: period.to > issueDay ? issueDay : period.to };
}

/** What the system checked at an on-site sign-in, as a letter names it. */
export const SIGN_IN_CHECK_LABELS: Record<EventMode, string> = { qr: '签到码', geo: '定位', 'qr+geo': '签到码与定位' };

/**
 * The checks the system made at a sign-in: those the event's mode requires, each only as far as the
 * raw signals show it was made (a code slot matched, a distance measured); null when none shows.
 */
export function signInChecks(mode: EventMode, signals: Pick<SignInSignals, 'codeSlot' | 'distance'>): EventMode | null {
  const code = usesCode(mode) && signals.codeSlot !== null;
  const place = usesLocation(mode) && signals.distance !== null;
  if (code && place) return 'qr+geo';
  if (code) return 'qr';
  return place ? 'geo' : null;
}

export const onSiteDetail = (checks: EventMode) => `现场签到（${SIGN_IN_CHECK_LABELS[checks]}由系统核验）`;

/** How an item was established, in one line: the system's check, or who (of which org) confirmed or approved it. */
export function basisLine(basis: LetterBasisView): string {
  if (basis.kind === 'system') return `系统核验（${SIGN_IN_CHECK_LABELS[basis.method]}）`;
  const who = `${basis.byName}（${basis.orgName}）`;
  return basis.kind === 'person' ? `确认：${who}` : `补签：${who}审核通过`;
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

/**
 * How a stored item was established. Items written before bases were recorded carry only the
 * confirmer's id and name: read them as confirmed by that person, org unknown.
 */
export function statedBasis(item: { basis?: LetterBasis; confirmedBy?: string; confirmedByName?: string }): LetterBasis {
  return item.basis ?? { kind: 'person', by: item.confirmedBy ?? '', byName: item.confirmedByName ?? '', orgName: '' };
}

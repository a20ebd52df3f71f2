/** Cycles of the direct-contact ledger: ids, days, which one is current, and who is due a contact. */
import { CONTACT_STALE_DAYS } from '../../../core/contact-rules';
import { AppError } from '../../../core/errors';
import { DAY_MS } from '../../../core/time';
import type { ContactCycle, ContactTeam, Org } from '../../../core/types';

/** The most years a cycle lasts (core/schemas/contact.ts). */
export const CYCLE_MAX_YEARS = 5;

/** First years of every cycle that could be running in `year`, or start the year after (the latest one may). */
export function cyclesAround(year: number): string[] {
  return Array.from({ length: CYCLE_MAX_YEARS + 1 }, (_, at) => String(year - CYCLE_MAX_YEARS + 1 + at));
}

export const cycleIdOf = (orgId: string, cycle: string) => `${orgId}_${cycle}`;
export const contactTeamIdOf = (orgId: string, cycle: string, teamId: string) => `${orgId}_${cycle}_${teamId}`;

/** A cycle named by its first year runs from 1 January of that year to 31 December of its last. */
export function cycleDays(cycle: string, years: number): { startDay: string; endDay: string } {
  return { startDay: `${cycle}-01-01`, endDay: `${Number(cycle) + years - 1}-12-31` };
}

export const overlaps = (a: Pick<ContactCycle, 'startDay' | 'endDay'>, b: Pick<ContactCycle, 'startDay' | 'endDay'>) =>
  a.startDay <= b.endDay && b.startDay <= a.endDay;

export const contains = (cycle: Pick<ContactCycle, 'startDay' | 'endDay'>, day: string) => cycle.startDay <= day && day <= cycle.endDay;

/** The cycle that contains today, else the one with the latest first year. */
export function currentCycle(cycles: ContactCycle[], today: string): ContactCycle | null {
  const ongoing = cycles.find((cycle) => contains(cycle, today));
  if (ongoing) return ongoing;
  return [...cycles].sort((a, b) => b.cycle.localeCompare(a.cycle))[0] ?? null;
}

/** Whole days from one YYYY-MM-DD day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** In the cycle running today, a chosen team never contacted, or not for CONTACT_STALE_DAYS days, is due a contact. */
export function isStale(
  team: Pick<ContactTeam, 'lastContactDay'>,
  cycle: Pick<ContactCycle, 'startDay' | 'endDay'>,
  today: string,
): boolean {
  if (!contains(cycle, today)) return false;
  return team.lastContactDay === null || daysBetween(team.lastContactDay, today) >= CONTACT_STALE_DAYS;
}

/** Only a league org keeps a ledger of the teams in its subtree. */
export function requireLeagueOrg(org: Org): void {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '直接联系台账由团组织建立，请选择一个团组织');
}

export function requireCycle(cycle: ContactCycle | null | undefined, key: string): ContactCycle {
  if (!cycle) throw new AppError('NOT_FOUND', `该组织还没有 ${key} 年开始的联系周期，请先开始周期`);
  return cycle;
}

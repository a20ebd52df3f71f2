import type { ActionInput } from '@core/api';

/** What the trail is narrowed to; null/'' is 全部. */
export type TrailFilters = { op: string | null; actor: string | null; from: string; to: string; target: string | null };

export const NO_FILTERS: TrailFilters = { op: null, actor: null, from: '', to: '', target: null };

/** The filters as the action takes them (empty ones left out). */
export function filterInput(filters: TrailFilters): Omit<ActionInput<'cockpit', 'teamAudit'>, 'teamId' | 'cursor'> {
  return {
    ...(filters.op ? { op: filters.op } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.target ? { target: filters.target } : {}),
  };
}

export const isFiltered = (filters: TrailFilters) => Boolean(filters.op || filters.actor || filters.from || filters.to || filters.target);

/** A query parameter as given: the mini program passes it still encoded, H5 decoded. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

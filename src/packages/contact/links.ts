import { formatDay } from '@core/time';

/** Where a chosen team's contact records open, carrying the ledger's org and cycle (the form starts on them). */
export const teamContactsUrl = (teamId: string, orgId: string, cycle: string) =>
  `/packages/contact/team/index?teamId=${encodeURIComponent(teamId)}&orgId=${encodeURIComponent(orgId)}&cycle=${encodeURIComponent(cycle)}`;

/** The last contact as the lists show it, or that there has been none. */
export const lastContactText = (day: string | null) => (day ? `最近联系：${formatDay(day)}` : '尚未联系');

/** A cycle named by its first year, with the years it spans. */
export const cycleLabel = (key: string, endDay?: string) => {
  const last = endDay?.slice(0, 4);
  return last && last !== key ? `${key}–${last} 周期` : `${key} 周期`;
};

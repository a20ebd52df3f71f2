import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** China has no daylight saving time, so a fixed +08:00 offset is exact for Asia/Shanghai. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function inShanghai(ms: number) {
  return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** Calendar day (YYYY-MM-DD) in Asia/Shanghai, whatever the machine's clock zone. */
export function shanghaiDay(ms: number): string {
  return inShanghai(ms).format('YYYY-MM-DD');
}

/**
 * One style per kind of date, everywhere: a day 「2026年11月30日」, a moment 「2026年11月30日 14:05」,
 * a recent moment relative to now (formatRecent), a week 「2026年11月30日 至 12月6日」.
 */
export function formatDateTime(ms: number): string {
  return inShanghai(ms).format('YYYY年M月D日 HH:mm');
}

/** A moment in the last day as 刚刚 / N 分钟前 / N 小时前, then as 昨天 HH:mm, then as a plain moment. */
export function formatRecent(ms: number, now: number): string {
  const ago = now - ms;
  if (ago >= 0 && ago < 60_000) return '刚刚';
  if (ago >= 0 && ago < 3600_000) return `${Math.floor(ago / 60_000)} 分钟前`;
  if (ago >= 0 && shanghaiDay(ms) === shanghaiDay(now)) return `${Math.floor(ago / 3600_000)} 小时前`;
  if (ago >= 0 && shanghaiDay(ms) === shanghaiDay(now - DAY_MS)) return `昨天 ${formatTime(ms)}`;
  return formatDateTime(ms);
}

/** A calendar day given as YYYY-MM-DD, in the day style. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** A day within a period already shown with its year (a week, a month): 「12月1日」. */
export function formatShortDay(day: string): string {
  return formatDay(day).slice(5);
}

/** Two calendar days as a period; the second drops the year when it is the same. */
export function formatDayRange(from: string, to: string): string {
  const end = formatDay(to);
  return `${formatDay(from)} 至 ${from.slice(0, 4) === to.slice(0, 4) ? formatShortDay(to) : end}`;
}

export function formatDate(ms: number): string {
  return inShanghai(ms).format('YYYY年M月D日');
}

/** The last millisecond of a Shanghai calendar day given as YYYY-MM-DD: a deadline on that day still counts. */
export function shanghaiDayEnd(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date + 1) - SHANGHAI_OFFSET_MINUTES * 60_000 - 1;
}

/** Whole Shanghai calendar days from `now` until the day of `deadline` (0 on the day itself, negative after). */
export function daysUntil(deadline: number, now: number): number {
  return Math.round((shanghaiDayEnd(shanghaiDay(deadline)) - shanghaiDayEnd(shanghaiDay(now))) / DAY_MS);
}

/** The instant of a Shanghai wall-clock time (HH:mm) on a Shanghai day (YYYY-MM-DD). */
export function shanghaiAt(day: string, time: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return Date.UTC(year, month - 1, date, hour, minute) - SHANGHAI_OFFSET_MINUTES * 60_000;
}

export function formatTime(ms: number): string {
  return inShanghai(ms).format('HH:mm');
}

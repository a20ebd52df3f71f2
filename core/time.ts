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

export function formatDateTime(ms: number): string {
  return inShanghai(ms).format('YYYY-MM-DD HH:mm');
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

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

/**
 * 进展打卡 and 活动签到 rules shared by the app and the cloud: evidence kinds, the day a log
 * belongs to, the rotating sign-in code's timing, and the geofence. No streaks, no points
 * (principle 1, docs/architecture.md): nothing here counts consecutive days or ranks people.
 */
import { DAY_MS, inShanghai, shanghaiDay, shanghaiDayEnd } from './time';
import type { Checkin } from './types';

export const MAX_LOG_PHOTOS = 3;
/** A log written offline may reach the server later; it still belongs to the day it was written, up to this many days back. */
export const LOG_BACKDATE_DAYS = 7;
/** The requests a log remembers, so a retry of any recent one is recognised and applied once. */
export const LOG_REQUEST_MEMORY = 20;

/** A day as a sortable number (2026-11-20 → 20261120), the timeline's cursor position. */
export function dayKey(day: string): number {
  return Number(day.replaceAll('-', ''));
}

/** Why a log may not be written for `day` at `now`, or null when it may. */
export function logDayRefusal(day: string, now: number): string | null {
  const today = shanghaiDay(now);
  if (day > today) return '不能记录未来日期的进展';
  if (shanghaiDayEnd(day) < shanghaiDayEnd(today) - LOG_BACKDATE_DAYS * DAY_MS) {
    return `只能补记最近 ${LOG_BACKDATE_DAYS} 天内的进展`;
  }
  return null;
}

/** Monday..Sunday (Shanghai) of the week holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const date = inShanghai(shanghaiDayEnd(day));
  const offset = (date.day() + 6) % 7;
  const monday = date.subtract(offset, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}

/** Every day of a YYYY-MM month, for the calendar grid. */
export function daysOfMonth(month: string): string[] {
  const [year, mon] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

// ——— events ———

export const EVENT_MODES = ['qr', 'geo', 'qr+geo'] as const;
export type EventMode = (typeof EVENT_MODES)[number];
export const EVENT_MODE_LABELS: Record<EventMode, string> = { qr: '扫码签到', geo: '定位签到', 'qr+geo': '扫码 + 定位' };

export const usesCode = (mode: EventMode) => mode !== 'geo';
export const usesLocation = (mode: EventMode) => mode !== 'qr';

/** A new sign-in code every 10 s; a code stays acceptable 20 s after its successor appears. */
export const CODE_PERIOD_MS = 10_000;
export const CODE_GRACE_MS = 20_000;
export const CODE_DIGITS = 6;

export function codeSlot(at: number): number {
  return Math.floor(at / CODE_PERIOD_MS);
}

/** The slots whose codes are accepted at `at`: the current one and those still in their grace. */
export function acceptedSlots(at: number): number[] {
  const current = codeSlot(at);
  const slots: number[] = [];
  for (let slot = current; (slot + 1) * CODE_PERIOD_MS + CODE_GRACE_MS > at; slot -= 1) slots.push(slot);
  return slots;
}

/** What the organizer's QR code holds: the event and the current code, so one scan is enough. */
export function qrPayload(eventId: string, code: string): string {
  return `KCSIGN|${eventId}|${code}`;
}

export function parseQrPayload(text: string): { eventId: string; code: string } | null {
  const match = /^KCSIGN\|([A-Za-z0-9_-]{1,64})\|(\d{6})$/.exec(text.trim());
  return match ? { eventId: match[1], code: match[2] } : null;
}

export const DEFAULT_RADIUS_M = 200;
export const MIN_RADIUS_M = 30;
export const MAX_RADIUS_M = 2000;
/** A fix less precise than this cannot place anyone inside a geofence. */
export const MAX_ACCURACY_M = 100;
export const MAKEUP_DAYS = 7;
export const MAX_EVENT_TEAMS = 300;

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine); plenty for a geofence of tens of metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type GeoVerdict = { ok: true; distance: number } | { ok: false; distance: number | null; reason: string };

/** Inside the fence means a precise enough fix whose point lies within the radius. */
export function geofenceVerdict(
  place: { lat: number; lng: number; radius: number },
  fix: { lat: number; lng: number; accuracy: number },
): GeoVerdict {
  const distance = Math.round(distanceMeters(place, fix));
  if (fix.accuracy > MAX_ACCURACY_M) {
    return { ok: false, distance, reason: `定位精度 ${Math.round(fix.accuracy)} 米，超过 ${MAX_ACCURACY_M} 米，请到开阔处打开 GPS 后重试` };
  }
  if (distance > place.radius) return { ok: false, distance, reason: `你距离签到地点约 ${distance} 米，超出 ${place.radius} 米范围` };
  return { ok: true, distance };
}

export type EventPhase = 'upcoming' | 'open' | 'ended';
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = { upcoming: '未开始', open: '签到中', ended: '已结束' };

export function eventPhase(event: { startAt: number; endAt: number }, now: number): EventPhase {
  if (now < event.startAt) return 'upcoming';
  return now <= event.endAt ? 'open' : 'ended';
}

/** Why a make-up cannot be requested now, or null: from the start until MAKEUP_DAYS after the end. */
export function makeupClosedReason(event: { startAt: number; endAt: number }, now: number): string | null {
  if (now < event.startAt) return '活动还未开始，暂不能申请补签';
  if (now > event.endAt + MAKEUP_DAYS * DAY_MS) return `活动结束已超过 ${MAKEUP_DAYS} 天，不能再申请补签`;
  return null;
}

/** `notSignedIn` until the event ends; only then is someone who never signed in `absent`. */
export const ATTENDANCE_STATUSES = ['signed', 'makeup', 'makeupRequested', 'makeupRejected', 'notSignedIn', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One person's attendance: from their check-in, or, with none, 未签到 until the event ends and 缺席 after. */
export function attendanceStatusOf(checkin: Pick<Checkin, 'status'> | null | undefined, ended: boolean): AttendanceStatus {
  if (!checkin) return ended ? 'absent' : 'notSignedIn';
  if (checkin.status === 'makeupApproved') return 'makeup';
  return checkin.status;
}
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  signed: '现场签到',
  makeup: '补签',
  makeupRequested: '补签待审',
  makeupRejected: '补签未通过',
  notSignedIn: '未签到',
  absent: '缺席',
};

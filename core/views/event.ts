import type { PageCursor } from '../cursor';
import type { AttendanceStatus, EventMode, EventPhase } from '../progress-rules';
import type { EventPlace } from '../types';

export type MyCheckin = {
  status: AttendanceStatus;
  at: number | null;
  method: string;
  distance: number | null;
  makeupReason: string;
  reviewNote: string;
};

export type EventCard = {
  id: string;
  title: string;
  startAt: number;
  endAt: number;
  placeName: string;
  mode: EventMode;
  phase: EventPhase;
  teamCount: number;
  mine: MyCheckin | null;
};
export type EventPage = { items: EventCard[]; nextCursor: PageCursor | null };

export type EventDetail = EventCard & {
  place: EventPlace;
  teams: { id: string; name: string }[];
  organizerName: string;
  viewer: { isOrganizer: boolean; isAttendee: boolean; canRequestMakeup: boolean };
};

export type EventCode = { code: string; qr: string[]; validUntil: number; periodMs: number };

export type AttendanceRow = {
  userId: string;
  name: string;
  teamName: string;
  status: AttendanceStatus;
  at: number | null;
  method: string;
  distance: number | null;
  accuracy: number | null;
  makeupReason: string;
  reviewNote: string;
};

export type Attendance = {
  eventId: string;
  /** The org that runs the event: what its attendance is exported under. */
  leagueOrgId: string;
  title: string;
  counts: Record<AttendanceStatus, number> & { total: number };
  rows: AttendanceRow[];
};

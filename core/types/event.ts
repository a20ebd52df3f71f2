import type { EventMode } from '../progress-rules';
import type { Decision } from './challenge';

export type EventPlace = { name: string; lat: number | null; lng: number | null; radius: number };

/** An event the organizer runs (training, exchange, review meeting) with on-site sign-in. */
export type TeamEvent = {
  _id: string;
  title: string;
  leagueOrgId: string;
  organizerId: string;
  teamIds: string[];
  startAt: number;
  endAt: number;
  place: EventPlace;
  mode: EventMode;
  /** Server-only key of the rotating code; never leaves the cloud. */
  secret: string;
  requestId: string;
  createdAt: number;
};

export type CheckinStatus = 'signed' | 'makeupRequested' | 'makeupApproved' | 'makeupRejected';

/** The raw signals of an on-site sign-in, kept as received for audit. */
export type SignInSignals = {
  at: number;
  method: 'scan' | 'code' | 'location';
  codeSlot: number | null;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  distance: number | null;
};

export type Makeup = { reason: string; requestedAt: number; review: Decision | null };

/** One member's attendance at one event: `_id` = eventId_userId. */
export type Checkin = {
  _id: string;
  eventId: string;
  userId: string;
  teamId: string;
  status: CheckinStatus;
  signals: SignInSignals | null;
  makeup: Makeup | null;
  createdAt: number;
  updatedAt: number;
};

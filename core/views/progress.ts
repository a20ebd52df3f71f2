import type { PageCursor } from '../cursor';
import type { Evidence, MemberRole } from '../types';

export type ProgressLogView = {
  id: string;
  teamId: string;
  userId: string;
  userName: string;
  day: string;
  content: string;
  noProgress: boolean;
  evidence: Evidence;
  /** Display addresses of the photos. */
  photos: string[];
  /** The stored file ids behind `photos`, for editing the log. */
  photoIds: string[];
  claimId: string | null;
  claimTitle: string;
  milestoneId: string | null;
  milestoneTitle: string;
  createdAt: number;
  updatedAt: number;
  edited: boolean;
  /** Last written after its day had passed (kept offline, sent later). */
  lateSync: boolean;
  /** Hidden after a report: content, evidence and photos are empty except for its author and organizers. */
  hidden: { reason: string; at: number } | null;
};

export type ClaimOption = { claimId: string; title: string; milestones: { id: string; title: string }[] };

/** What the 打卡 form needs for one team: the day, the caller's log for it, and the claims it may cite. */
export type ProgressForm = { teamId: string; teamName: string; day: string; log: ProgressLogView | null; claims: ClaimOption[] };

export type TimelinePage = {
  items: ProgressLogView[];
  nextCursor: PageCursor | null;
  members: { userId: string; name: string }[];
  claims: { claimId: string; title: string }[];
  viewer: { isMember: boolean; isOrganizer: boolean };
};

export type CalendarDay = { day: string; teams: { teamId: string; teamName: string; noProgress: boolean }[] };
export type CalendarMonth = { month: string; days: CalendarDay[] };

export type WeeklySummary = {
  teamId: string;
  teamName: string;
  from: string;
  to: string;
  members: { userId: string; name: string; role: MemberRole; days: string[]; noProgressDays: number }[];
  evidence: { kind: Evidence['kind']; ref: string; userName: string; day: string }[];
  milestones: { claimTitle: string; milestoneTitle: string; logs: number }[];
};

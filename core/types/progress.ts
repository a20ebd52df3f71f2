import type { EvidenceKind } from '../evidence';
import type { HiddenMark } from './report';

export type Evidence = { kind: EvidenceKind; ref: string };

/** One member's progress for one team on one Shanghai day: `_id` = teamId_userId_day. */
export type ProgressLog = {
  _id: string;
  teamId: string;
  userId: string;
  day: string;
  /** `day` as a number (20261120): the timeline's sort key and cursor. */
  dayKey: number;
  content: string;
  noProgress: boolean;
  evidence: Evidence;
  photos: string[];
  claimId: string | null;
  milestoneId: string | null;
  /** The most recent client request ids applied, so a retry of any of them is not applied again. */
  requestIds: string[];
  createdAt: number;
  updatedAt: number;
  edits: number;
  /** Hidden by an organizer after a report: kept on record, shown only to its author and organizers. */
  hidden?: HiddenMark | null;
};

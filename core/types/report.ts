import type { ReportAction, ReportReason, ReportStatus, ReportTargetKind } from '../report-rules';

/** One person's report of someone else's content; handled by the organizers over that content. */
export type Report = {
  _id: string;
  targetKind: ReportTargetKind;
  targetId: string;
  /** The league org whose organizers (and those above) handle it. */
  leagueOrgId: string;
  /** Whose content it is (told when it is hidden). */
  authorId: string;
  reporterId: string;
  reason: ReportReason;
  note: string;
  status: ReportStatus;
  requestId: string;
  createdAt: number;
  /** The latest decision; earlier ones are in the audit trail. */
  decision: { by: string; at: number; action: ReportAction; reason: string } | null;
};

/** Set on content hidden after a report: kept on record, shown to nobody but its author and organizers. */
export type HiddenMark = { by: string; at: number; reason: string; reportId: string };

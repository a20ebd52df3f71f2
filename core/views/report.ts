import type { PageCursor } from '../cursor';
import type { ReportAction, ReportReason, ReportStatus, ReportTargetKind } from '../report-rules';

export type ReportReceipt = { id: string; status: ReportStatus };

export type ReportCard = {
  id: string;
  targetKind: ReportTargetKind;
  targetId: string;
  /** A line of the reported content (title, name or an excerpt) to recognise it by. */
  targetTitle: string;
  /** The page that shows the content, for the organizer to look at it. */
  targetPage: string;
  reason: ReportReason;
  note: string;
  reporterName: string;
  status: ReportStatus;
  createdAt: number;
  /** Whether the content is hidden now (also by another report). */
  contentHidden: boolean;
  decision: { action: ReportAction; reason: string; at: number; byName: string } | null;
};

export type ReportPage = { items: ReportCard[]; nextCursor: PageCursor | null };

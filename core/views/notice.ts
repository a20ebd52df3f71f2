import type { PageCursor } from '../cursor';

export type NoticeCard = {
  id: string;
  title: string;
  excerpt: string;
  orgName: string;
  createdAt: number;
  requireAck: boolean;
  /** The caller's own receipt, when they are a recipient. */
  mine: { readAt: number | null; ackAt: number | null } | null;
  /** Hidden after a report: only organizers still see it, marked. */
  hidden?: { reason: string; at: number } | null;
};
export type NoticePage = { items: NoticeCard[]; nextCursor: PageCursor | null };

export type NoticeDetail = NoticeCard & {
  body: string;
  authorName: string;
  audienceLabel: string;
  viewer: { isRecipient: boolean; isOrganizer: boolean; canAck: boolean };
};

export type NoticePerson = { userId: string; name: string; teamName: string };
/** How the notice's subscribe messages ended (its reminders not counted). */
export type NoticePush = { sent: number; inAppOnly: number; failed: number; unknown: number; pending: number };
export type NoticeStats = {
  noticeId: string;
  title: string;
  requireAck: boolean;
  recipients: number;
  read: number;
  acknowledged: number;
  notRead: NoticePerson[];
  notAcknowledged: NoticePerson[];
  push: NoticePush;
  remindedAt: number | null;
  canRemind: boolean;
};

import type { NoticeAudience } from '../notice-rules';
import type { HiddenMark } from './report';

export type Notice = {
  _id: string;
  leagueOrgId: string;
  authorId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  teamIds: string[];
  requireAck: boolean;
  /** Fan-out to recipients runs in batches; `pending` until every recipient has a receipt and a message. */
  fanout: 'pending' | 'done';
  recipientCount: number;
  remindedAt: number | null;
  remindRounds: number;
  requestId: string;
  createdAt: number;
  /** Hidden by an organizer after a report: kept on record, shown only to its author and organizers. */
  hidden?: HiddenMark | null;
};

/** One recipient's receipt: `_id` = noticeId_userId. */
export type NoticeRead = {
  _id: string;
  noticeId: string;
  userId: string;
  teamId: string;
  readAt: number | null;
  ackAt: number | null;
  createdAt: number;
};

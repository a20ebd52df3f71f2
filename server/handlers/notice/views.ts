/** Notices shaped for the screens, from records already read (or just written): no reads here. */
import { NOTICE_AUDIENCE_LABELS, NOTICE_REMIND_INTERVAL_MS } from '../../../core/notice-rules';
import { excerpt } from '../../../core/text';
import type { Notice, NoticeRead, Org, OutboxStatus, User } from '../../../core/types';
import type { NoticeCard, NoticeDetail, NoticePush, NoticeStats } from '../../../core/views';
import { AppError } from '../../../core/errors';
import { managesIn, orgName } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { hiddenError, hiddenNote } from '../report/hidden';

type Receipt = Pick<NoticeRead, 'readAt' | 'ackAt'>;

export function noticeCard(notice: Notice, org: string, receipt: Receipt | null | undefined): NoticeCard {
  return {
    id: notice._id,
    title: notice.title,
    excerpt: excerpt(notice.body, 60),
    orgName: org,
    createdAt: notice.createdAt,
    requireAck: notice.requireAck,
    mine: receipt ? { readAt: receipt.readAt, ackAt: receipt.ackAt } : null,
    hidden: hiddenNote(notice.hidden),
  };
}

/** Organizer of the publishing org (or one above it). */
export function organizesNotice(orgs: Org[], caller: User, notice: Pick<Notice, 'leagueOrgId'>): boolean {
  return managesIn(orgs, caller, notice.leagueOrgId);
}

/** A recipient or an organizer of the publishing org may see a notice; anyone else is told it is not there. */
export function requireViewer(orgs: Org[], caller: User, notice: Notice, receipt: Receipt | null): void {
  const organizer = organizesNotice(orgs, caller, notice);
  if (!receipt && !organizer) throw new AppError('NOT_FOUND', '找不到这条通知，或它不是发给你的');
  // Hidden after a report: recipients no longer see it; organizers still do, marked.
  if (notice.hidden && !organizer) throw hiddenError();
}

export function noticeDetail(
  orgs: Org[],
  caller: User,
  notice: Notice,
  receipt: Receipt | null,
  author: Pick<User, 'realName' | 'nickname'> | null,
): NoticeDetail {
  requireViewer(orgs, caller, notice, receipt);
  return {
    ...noticeCard(notice, orgName(orgs, notice.leagueOrgId), receipt),
    body: notice.body,
    authorName: displayName(author),
    audienceLabel: NOTICE_AUDIENCE_LABELS[notice.audience],
    viewer: {
      isRecipient: receipt !== null,
      isOrganizer: organizesNotice(orgs, caller, notice),
      canAck: receipt !== null && notice.requireAck && receipt.ackAt === null,
    },
  };
}

/** Where each of the notice's subscribe messages stands; `sending` is still on its way. */
export function noticePush(statuses: OutboxStatus[]): NoticePush {
  const push: NoticePush = { sent: 0, inAppOnly: 0, failed: 0, unknown: 0, pending: 0 };
  const bucket: Record<OutboxStatus, keyof NoticePush> = {
    sent: 'sent',
    inapp_only: 'inAppOnly',
    failed: 'failed',
    unknown: 'unknown',
    pending: 'pending',
    sending: 'pending',
  };
  for (const status of statuses) push[bucket[status]] += 1;
  return push;
}

export function noticeStats(
  notice: Notice,
  receipts: NoticeRead[],
  users: Map<string, User>,
  teamNames: Map<string, string>,
  push: NoticePush,
  now: number,
): NoticeStats {
  const person = (receipt: NoticeRead) => ({
    userId: receipt.userId,
    name: displayName(users.get(receipt.userId)),
    teamName: teamNames.get(receipt.teamId) ?? '',
  });
  return {
    noticeId: notice._id,
    title: notice.title,
    requireAck: notice.requireAck,
    recipients: receipts.length,
    read: receipts.filter((receipt) => receipt.readAt !== null).length,
    acknowledged: receipts.filter((receipt) => receipt.ackAt !== null).length,
    notRead: receipts.filter((receipt) => receipt.readAt === null).map(person),
    notAcknowledged: notice.requireAck ? receipts.filter((receipt) => receipt.ackAt === null).map(person) : [],
    push,
    remindedAt: notice.remindedAt,
    canRemind: notice.remindedAt === null || now - notice.remindedAt >= NOTICE_REMIND_INTERVAL_MS,
  };
}

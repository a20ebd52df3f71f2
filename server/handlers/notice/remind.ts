/** Who has not read (or confirmed) a notice, and one reminder a day for them. */
import { AppError } from '../../../core/errors';
import { NOTICE_FANOUT_BATCH, NOTICE_REMIND_INTERVAL_MS } from '../../../core/notice-rules';
import type { Notice, NoticeRead } from '../../../core/types';
import type { NoticeStats } from '../../../core/views';
import { txFind, txUpdate } from '../../db/collections';
import { fieldsByIds, findAll } from '../../db/query';
import type { Transaction } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs } from '../../runtime/function';
import { usersById } from '../../runtime/lookups';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { enqueueNew, messageId, type OutgoingMessage } from '../../runtime/outbox';
import { noticeDedupeKey, noticeMessage } from './delivery';
import { noticePush, noticeStats } from './views';

/** Those a reminder is for: not yet 已知悉 when confirmation is asked for, otherwise not yet read. */
const stillOwed = (notice: Notice, receipt: NoticeRead) => (notice.requireAck ? receipt.ackAt === null : receipt.readAt === null);

/**
 * The receipts, the names of those the stats list (who has not read or confirmed) with their
 * teams', and how the notice's pushes went (a receipt's message id follows from its user).
 */
async function receiptsAndNames(ctx: Ctx, notice: Notice) {
  const receipts = await findAll(ctx.db, 'noticeReads', { noticeId: notice._id });
  const listed = receipts.filter((receipt) => receipt.readAt === null || (notice.requireAck && receipt.ackAt === null));
  const [users, teams, pushes] = await Promise.all([
    usersById(
      ctx,
      listed.map((receipt) => receipt.userId),
    ),
    fieldsByIds(
      ctx.db,
      'teams',
      listed.map((receipt) => receipt.teamId),
      ['name'],
    ),
    fieldsByIds(
      ctx.db,
      'outbox',
      receipts.map((receipt) => messageId(noticeDedupeKey(notice._id, receipt.userId))),
      ['status'],
    ),
  ]);
  const push = noticePush(pushes.map((item) => item.status));
  return { receipts, users, teamNames: new Map(teams.map((team) => [team._id, team.name])), push };
}

export async function statsOf(ctx: Ctx, notice: Notice): Promise<NoticeStats> {
  const { receipts, users, teamNames, push } = await receiptsAndNames(ctx, notice);
  return noticeStats(notice, receipts, users, teamNames, push, ctx.now());
}

/** Which of the batch's messages are queued already (a retried round re-sends nothing), read all at once. */
function queuedOf(tx: Transaction, messages: OutgoingMessage[]) {
  return Promise.all(messages.map((message) => txFind(tx, 'outbox', messageId(message.dedupeKey))));
}

export async function remind({ ctx, caller, notice }: HandlerArgs<'notice', 'remind'>): Promise<NoticeStats> {
  const now = ctx.now();
  if (notice.hidden) throw new AppError('STATE_CONFLICT', '这条通知已被隐藏，不能再提醒；恢复显示后再提醒');
  if (notice.remindedAt !== null && now - notice.remindedAt < NOTICE_REMIND_INTERVAL_MS) {
    throw new AppError('STATE_CONFLICT', '24 小时内已提醒过，请稍后再提醒');
  }
  const [{ receipts, users, teamNames, push }, orgs] = await Promise.all([receiptsAndNames(ctx, notice), loadOrgs(ctx)]);
  const owed = receipts.filter((receipt) => stillOwed(notice, receipt));
  const round = notice.remindRounds + 1;
  const org = orgName(orgs, notice.leagueOrgId);
  const title = `${notice.requireAck ? '请确认' : '请查看'}通知：${notice.title}`;
  // Messages first, keyed by round, so a retry after a crash re-sends nothing and misses no one;
  // the round is marked (and audited) in the last batch's transaction, once they are all queued.
  let start = 0;
  do {
    const batch = owed.slice(start, start + NOTICE_FANOUT_BATCH);
    const last = start + NOTICE_FANOUT_BATCH >= owed.length;
    await ctx.db.runTransaction(async (tx) => {
      const messages = batch.map((receipt) => ({
        ...noticeMessage(notice, org, receipt.userId, `noticeRemind_${notice._id}_${round}_${receipt.userId}`, now),
        title,
      }));
      // Each person gets one: a push where they have consent left, the inbox either way.
      const [fresh, queued] = await Promise.all([last ? txFind(tx, 'notices', notice._id) : null, queuedOf(tx, messages)]);
      if (last && fresh?.remindRounds !== notice.remindRounds) throw new AppError('STATE_CONFLICT', '刚刚已提醒过，请刷新');
      for (const [index, message] of messages.entries()) if (!queued[index]) await enqueueNew(tx, now, message);
      if (!last) return;
      await txUpdate(tx, 'notices', notice._id, { remindedAt: now, remindRounds: round });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'notice',
        action: 'remind',
        target: `notices/${notice._id}`,
        orgId: notice.leagueOrgId,
        summary: `提醒 ${owed.length} 人${notice.requireAck ? '确认' : '阅读'}通知「${notice.title}」`,
      });
    });
    start += NOTICE_FANOUT_BATCH;
  } while (start < owed.length);
  return noticeStats({ ...notice, remindedAt: now, remindRounds: round }, receipts, users, teamNames, push, now);
}

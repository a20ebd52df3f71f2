/**
 * Who a notice reaches and getting it to them: a receipt and an inbox/outbox message per
 * recipient, written in batches so a notice to thousands never needs one huge transaction. Each
 * batch is idempotent (receipt ids are noticeId_userId), so dispatch can finish an interrupted one.
 */
import { NOTICE_FANOUT_BATCH } from '../../../core/notice-rules';
import { formatDateTime } from '../../../core/time';
import type { Member, Notice } from '../../../core/types';
import { findAll, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { Ctx } from '../../runtime/context';
import { leagueSubtree, loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue, type OutgoingMessage } from '../../runtime/outbox';

export const noticePage = (noticeId: string) => `packages/notice/detail/index?id=${noticeId}`;
export const receiptIdOf = (noticeId: string, userId: string) => `${noticeId}_${userId}`;

/** The teams a notice is for: the chosen ones, or every registered team under the publishing org. */
export async function audienceTeamIds(ctx: Ctx, notice: Pick<Notice, 'leagueOrgId' | 'audience' | 'teamIds'>): Promise<string[]> {
  const subtree = [...leagueSubtree(await loadOrgs(ctx), [notice.leagueOrgId])];
  const where = notice.audience === 'teams' ? { _id: ctx.db.command.in(notice.teamIds), status: 'registered' } : { status: 'registered' };
  const teams = await findMany('teams', ctx.db.collection('teams').where(where).field({ _id: true, leagueOrgId: true }).limit(1000));
  return teams.filter((team) => subtree.includes(team.leagueOrgId)).map((team) => team._id);
}

/** One membership per person (the first team they are found in), leaders only when the notice says so. */
export async function recipientsOf(ctx: Ctx, notice: Pick<Notice, 'leagueOrgId' | 'audience' | 'teamIds'>): Promise<Member[]> {
  const teamIds = await audienceTeamIds(ctx, notice);
  if (!teamIds.length) return [];
  const members = await findAll(ctx.db, 'members', { teamId: ctx.db.command.in(teamIds) });
  const byUser = new Map<string, Member>();
  for (const member of members) {
    if (notice.audience === 'leaders' && member.role !== 'leader') continue;
    if (!byUser.has(member.userId)) byUser.set(member.userId, member);
  }
  return [...byUser.values()];
}

export function noticeMessage(
  notice: Notice,
  org: string,
  userId: string,
  dedupeKey: string,
  now: number,
): OutgoingMessage<'noticePublished'> {
  return {
    userId,
    templateKey: 'noticePublished',
    dedupeKey,
    title: `通知：${notice.title}`,
    body: notice.requireAck ? `${org}发布了通知，请阅读后点「已知悉」确认。` : `${org}发布了通知。`,
    page: noticePage(notice._id),
    data: { thing1: notice.title, thing2: org, time3: formatDateTime(now) },
  };
}

/** Write the receipts and messages not yet written, then mark the notice delivered. */
export async function fanOutNotice(ctx: Ctx, notice: Notice): Promise<number> {
  const recipients = await recipientsOf(ctx, notice);
  const org = orgName(await loadOrgs(ctx), notice.leagueOrgId);
  for (let start = 0; start < recipients.length; start += NOTICE_FANOUT_BATCH) {
    const batch = recipients.slice(start, start + NOTICE_FANOUT_BATCH);
    await ctx.db.runTransaction(async (tx) => {
      for (const member of batch) {
        const receiptId = receiptIdOf(notice._id, member.userId);
        if (await txFind(tx, 'noticeReads', receiptId)) continue;
        await txSet(tx, 'noticeReads', {
          _id: receiptId,
          noticeId: notice._id,
          userId: member.userId,
          teamId: member.teamId,
          readAt: null,
          ackAt: null,
          createdAt: notice.createdAt,
        });
        await enqueue(
          tx,
          notice.createdAt,
          noticeMessage(notice, org, member.userId, `notice_${notice._id}_${member.userId}`, notice.createdAt),
        );
      }
    });
  }
  await ctx.db.runTransaction(async (tx) => {
    await txUpdate(tx, 'notices', notice._id, { fanout: 'done', recipientCount: recipients.length });
  });
  return recipients.length;
}

/** Dispatch: finish fan-outs that a publish did not (a timeout, a crash). */
export async function finishNoticeFanouts(ctx: Ctx): Promise<number> {
  const stale = await findMany(
    'notices',
    ctx.db
      .collection('notices')
      .where({ fanout: 'pending', createdAt: ctx.db.command.lt(ctx.now() - 60_000) })
      .limit(10),
  );
  for (const notice of stale) await fanOutNotice(ctx, notice);
  return stale.length;
}

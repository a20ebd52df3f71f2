/** 通知 with read receipts: publish to an audience, read and 已知悉, who has not, and a reminder for them. */
import { AppError } from '../../../core/errors';
import { NOTICE_AUDIENCE_LABELS, NOTICE_FANOUT_BATCH, NOTICE_REMIND_INTERVAL_MS } from '../../../core/notice-rules';
import type { Notice, NoticeRead, User } from '../../../core/types';
import type { NoticeCard, NoticeDetail, NoticeStats } from '../../../core/views';
import { findAll, findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { managesLeagueOrg } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { leagueSubtree, loadOrgs, managedLeagueOrgIds, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { fanOutNotice, noticeMessage, receiptIdOf } from './delivery';

import { excerpt } from '../../../core/text';
import { usersById } from '../../runtime/lookups';

export const NOTICES_PAGE_SIZE = 20;

function card(notice: Notice, org: string, receipt: NoticeRead | null | undefined): NoticeCard {
  return {
    id: notice._id,
    title: notice.title,
    excerpt: excerpt(notice.body, 60),
    orgName: org,
    createdAt: notice.createdAt,
    requireAck: notice.requireAck,
    mine: receipt ? { readAt: receipt.readAt, ackAt: receipt.ackAt } : null,
  };
}

async function detailOf(ctx: Ctx, caller: User, notice: Notice, receipt: NoticeRead | null): Promise<NoticeDetail> {
  const isOrganizer = await managesLeagueOrg(ctx, caller, notice.leagueOrgId);
  if (!receipt && !isOrganizer) throw new AppError('NOT_FOUND', '找不到这条通知，或它不是发给你的');
  const author = await findById(ctx.db, 'users', notice.authorId);
  return {
    ...card(notice, orgName(await loadOrgs(ctx), notice.leagueOrgId), receipt),
    body: notice.body,
    authorName: displayName(author),
    audienceLabel: NOTICE_AUDIENCE_LABELS[notice.audience],
    viewer: { isRecipient: receipt !== null, isOrganizer, canAck: receipt !== null && notice.requireAck && receipt.ackAt === null },
  };
}

async function statsOf(ctx: Ctx, notice: Notice): Promise<NoticeStats> {
  const receipts = await findAll(ctx.db, 'noticeReads', { noticeId: notice._id });
  const users = await usersById(
    ctx,
    receipts.map((receipt) => receipt.userId),
  );
  const teamIds = [...new Set(receipts.map((receipt) => receipt.teamId))];
  const teams = teamIds.length
    ? await findMany(
        'teams',
        ctx.db
          .collection('teams')
          .where({ _id: ctx.db.command.in(teamIds) })
          .field({ _id: true, name: true })
          .limit(1000),
      )
    : [];
  const person = (receipt: NoticeRead) => ({
    userId: receipt.userId,
    name: displayName(users.get(receipt.userId)),
    teamName: teams.find((team) => team._id === receipt.teamId)?.name ?? '',
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
    remindedAt: notice.remindedAt,
    canRemind: notice.remindedAt === null || ctx.now() - notice.remindedAt >= NOTICE_REMIND_INTERVAL_MS,
  };
}

/** Those a reminder is for: not yet 已知悉 when confirmation is asked for, otherwise not yet read. */
const stillOwed = (notice: Notice, receipt: NoticeRead) => (notice.requireAck ? receipt.ackAt === null : receipt.readAt === null);

async function ownNotice(ctx: Ctx, noticeId: string) {
  const notice = await findById(ctx.db, 'notices', noticeId);
  if (!notice) throw new AppError('NOT_FOUND', '找不到这条通知，可能已被删除');
  return notice;
}

export const noticeHandlers: Handlers<'notice'> = {
  publish: async ({ ctx, caller, input }) => {
    const noticeId = `nt-${input.requestId}`;
    const existing = await findById(ctx.db, 'notices', noticeId);
    if (existing) {
      if (existing.authorId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
      return detailOf(ctx, caller, existing, await findById(ctx.db, 'noticeReads', receiptIdOf(noticeId, caller._id)));
    }
    const orgs = await loadOrgs(ctx);
    if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) throw new AppError('FORBIDDEN', '只能以你管理的团组织名义发布通知');
    if (input.audience === 'teams') {
      const chosen = await findMany(
        'teams',
        ctx.db
          .collection('teams')
          .where({ _id: ctx.db.command.in(input.teamIds) })
          .limit(1000),
      );
      const subtree = leagueSubtree(orgs, [input.leagueOrgId]);
      if (
        chosen.length !== new Set(input.teamIds).size ||
        chosen.some((team) => team.status !== 'registered' || !subtree.has(team.leagueOrgId))
      ) {
        throw new AppError('INVALID_INPUT', '通知对象须为本团组织下已备案的突击队');
      }
    }
    await checkText(ctx, 1, input.title, input.body);
    const now = ctx.now();
    const notice: Notice = {
      _id: noticeId,
      leagueOrgId: input.leagueOrgId,
      authorId: caller._id,
      title: input.title,
      body: input.body,
      audience: input.audience,
      teamIds: input.audience === 'teams' ? [...new Set(input.teamIds)] : [],
      requireAck: input.requireAck,
      fanout: 'pending',
      recipientCount: 0,
      remindedAt: null,
      remindRounds: 0,
      requestId: input.requestId,
      createdAt: now,
    };
    await ctx.db.runTransaction(async (tx) => {
      if (await txFind(tx, 'notices', noticeId)) return;
      await txSet(tx, 'notices', notice);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'notice',
        action: 'publish',
        target: `notices/${noticeId}`,
        summary: `发布通知「${notice.title}」（${NOTICE_AUDIENCE_LABELS[notice.audience]}${notice.requireAck ? '，需确认' : ''}）`,
      });
    });
    await fanOutNotice(ctx, notice);
    return detailOf(ctx, caller, await ownNotice(ctx, noticeId), await findById(ctx.db, 'noticeReads', receiptIdOf(noticeId, caller._id)));
  },

  list: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const orgs = await loadOrgs(ctx);
    if (input.scope === 'manage') {
      const where: object[] = [{ leagueOrgId: _.in([...managedLeagueOrgIds(orgs, caller)]) }];
      if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc'));
      const notices = await findMany(
        'notices',
        ctx.db.collection('notices').where(_.and(where)).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(NOTICES_PAGE_SIZE),
      );
      return {
        items: notices.map((notice) => card(notice, orgName(orgs, notice.leagueOrgId), null)),
        nextCursor: nextCursorOf(notices, NOTICES_PAGE_SIZE, (notice) => notice.createdAt),
      };
    }
    const where: DocData[] = [{ userId: caller._id }];
    if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc') as DocData);
    const receipts = await findMany(
      'noticeReads',
      ctx.db.collection('noticeReads').where(_.and(where)).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(NOTICES_PAGE_SIZE),
    );
    const notices = receipts.length
      ? await findMany(
          'notices',
          ctx.db
            .collection('notices')
            .where({ _id: _.in(receipts.map((receipt) => receipt.noticeId)) })
            .limit(NOTICES_PAGE_SIZE),
        )
      : [];
    return {
      items: receipts.flatMap((receipt) => {
        const notice = notices.find((one) => one._id === receipt.noticeId);
        return notice ? [card(notice, orgName(orgs, notice.leagueOrgId), receipt)] : [];
      }),
      nextCursor: nextCursorOf(receipts, NOTICES_PAGE_SIZE, (receipt) => receipt.createdAt),
    };
  },

  detail: async ({ ctx, caller, input }) => {
    const notice = await ownNotice(ctx, input.noticeId);
    const receiptId = receiptIdOf(notice._id, caller._id);
    const receipt = await findById(ctx.db, 'noticeReads', receiptId);
    // Opening the notice is the read receipt.
    if (receipt && receipt.readAt === null) {
      await ctx.db.runTransaction(async (tx) => {
        const fresh = await txFind(tx, 'noticeReads', receiptId);
        if (!fresh || fresh.readAt !== null) return;
        await txUpdate(tx, 'noticeReads', receiptId, { readAt: ctx.now() });
        await audit(tx, {
          at: ctx.now(),
          actor: caller._id,
          fn: 'notice',
          action: 'read',
          target: `noticeReads/${receiptId}`,
          summary: `阅读通知「${notice.title}」`,
        });
      });
    }
    return detailOf(ctx, caller, notice, await findById(ctx.db, 'noticeReads', receiptId));
  },

  ack: async ({ ctx, caller, input }) => {
    const notice = await ownNotice(ctx, input.noticeId);
    const receiptId = receiptIdOf(notice._id, caller._id);
    const receipt = await findById(ctx.db, 'noticeReads', receiptId);
    if (!receipt) throw new AppError('NOT_FOUND', '找不到这条通知，或它不是发给你的');
    if (!notice.requireAck) throw new AppError('STATE_CONFLICT', '这条通知不需要确认');
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'noticeReads', receiptId);
      if (!fresh || fresh.ackAt !== null) return;
      const now = ctx.now();
      await txUpdate(tx, 'noticeReads', receiptId, { ackAt: now, readAt: fresh.readAt ?? now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'notice',
        action: 'ack',
        target: `noticeReads/${receiptId}`,
        summary: `已知悉通知「${notice.title}」`,
      });
    });
    return detailOf(ctx, caller, notice, await findById(ctx.db, 'noticeReads', receiptId));
  },

  stats: async ({ ctx, notice }) => statsOf(ctx, notice),

  remind: async ({ ctx, caller, notice }) => {
    const current = notice;
    const now = ctx.now();
    if (current.remindedAt !== null && now - current.remindedAt < NOTICE_REMIND_INTERVAL_MS) {
      throw new AppError('STATE_CONFLICT', '24 小时内已提醒过，请稍后再提醒');
    }
    const owed = (await findAll(ctx.db, 'noticeReads', { noticeId: current._id })).filter((receipt) => stillOwed(current, receipt));
    const round = current.remindRounds + 1;
    const org = orgName(await loadOrgs(ctx), current.leagueOrgId);
    // Messages first, keyed by round, so a retry after a crash re-sends nothing and misses no one;
    // the round is marked (and audited) only once they are all queued.
    for (let start = 0; start < owed.length; start += NOTICE_FANOUT_BATCH) {
      const batch = owed.slice(start, start + NOTICE_FANOUT_BATCH);
      await ctx.db.runTransaction(async (tx) => {
        for (const receipt of batch) {
          const message = noticeMessage(current, org, receipt.userId, `noticeRemind_${current._id}_${round}_${receipt.userId}`, now);
          // Each person gets one: a push where they have consent left, the inbox either way.
          await enqueue(tx, now, { ...message, title: `${current.requireAck ? '请确认' : '请查看'}通知：${current.title}` });
        }
      });
    }
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'notices', current._id);
      if (fresh?.remindRounds !== current.remindRounds) throw new AppError('STATE_CONFLICT', '刚刚已提醒过，请刷新');
      await txUpdate(tx, 'notices', current._id, { remindedAt: now, remindRounds: round });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'notice',
        action: 'remind',
        target: `notices/${current._id}`,
        summary: `提醒 ${owed.length} 人${current.requireAck ? '确认' : '阅读'}通知「${current.title}」`,
      });
    });
    return statsOf(ctx, await ownNotice(ctx, current._id));
  },
};

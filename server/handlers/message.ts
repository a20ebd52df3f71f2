import type { InboxItem } from '../../core/types';
import { txFind, txSet, txUpdate } from '../db/collections';
import { count, find } from '../db/query';
import type { DocData } from '../db/types';
import { audit } from '../runtime/audit';
import type { Ctx } from '../runtime/context';
import type { Handlers } from '../runtime/function';
import { consentId } from '../runtime/outbox';
import { afterCursor, nextCursorOf } from '../runtime/paging';

export const INBOX_PAGE_SIZE = 20;

function unreadCount(ctx: Ctx, userId: string): Promise<number> {
  return count(ctx.db, 'inbox', { userId, readAt: null });
}

function itemView(item: InboxItem) {
  return { id: item._id, title: item.title, body: item.body, page: item.page, createdAt: item.createdAt, read: item.readAt !== null };
}

export const messageHandlers: Handlers<'message'> = {
  inbox: async ({ ctx, caller, input }) => {
    const where: DocData = { userId: caller._id };
    if (input.unreadOnly) where.readAt = null;
    const query =
      input.cursor === null ? where : ctx.db.command.and([where, afterCursor(ctx.db.command, 'createdAt', input.cursor, 'desc')]);
    const [items, unread] = await Promise.all([
      find(ctx.db, 'inbox', query, {
        orderBy: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: INBOX_PAGE_SIZE,
      }),
      unreadCount(ctx, caller._id),
    ]);
    return {
      items: items.map(itemView),
      nextCursor: nextCursorOf(items, INBOX_PAGE_SIZE, (item) => item.createdAt),
      unread,
    };
  },

  unreadCount: async ({ ctx, caller }) => ({ unread: await unreadCount(ctx, caller._id) }),

  markRead: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const where: DocData = { userId: caller._id, readAt: null };
    if (!input.all) where._id = _.in(input.ids ?? []);
    const now = ctx.now();
    const { stats } = await ctx.db
      .collection('inbox')
      .where(where)
      .update({ data: { readAt: now } });
    // The entry and the new count only depend on the update, not on each other.
    const [, unread] = await Promise.all([
      stats.updated
        ? audit(ctx.db, {
            at: now,
            actor: caller._id,
            fn: 'message',
            action: 'markRead',
            target: `inbox/${caller._id}`,
            summary: `标记 ${stats.updated} 条消息为已读`,
          })
        : null,
      unreadCount(ctx, caller._id),
    ]);
    return { unread };
  },

  /** The user accepted these templates in WeChat's dialog: each accept allows one send. */
  recordConsent: async ({ ctx, caller, input }) => {
    const keys = [...new Set(input.accepted)];
    const counts = await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const result: Record<string, number> = {};
      const existing = await Promise.all(keys.map((key) => txFind(tx, 'consents', consentId(caller._id, key))));
      for (const [at, key] of keys.entries()) {
        const id = consentId(caller._id, key);
        const before = existing[at];
        if (before) await txUpdate(tx, 'consents', id, { count: ctx.db.command.inc(1), updatedAt: now });
        else await txSet(tx, 'consents', { _id: id, userId: caller._id, templateKey: key, count: 1, updatedAt: now });
        result[key] = (before?.count ?? 0) + 1;
      }
      if (keys.length) {
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'message',
          action: 'recordConsent',
          target: `consents/${caller._id}`,
          summary: `同意接收：${keys.join('、')}`,
        });
      }
      return result;
    });
    return { counts };
  },
};

import type { InboxItem } from '../../core/types';
import { findMany, txFind, txSet, txUpdate } from '../db/collections';
import type { DocData } from '../db/types';
import { audit } from '../runtime/audit';
import type { Ctx } from '../runtime/context';
import type { Handlers } from '../runtime/function';
import { consentId } from '../runtime/outbox';
import { afterCursor, nextCursorOf } from '../runtime/paging';

export const INBOX_PAGE_SIZE = 20;

async function unreadCount(ctx: Ctx, userId: string): Promise<number> {
  return (await ctx.db.collection('inbox').where({ userId, readAt: null }).count()).total;
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
    const items = await findMany(
      'inbox',
      ctx.db.collection('inbox').where(query).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(INBOX_PAGE_SIZE),
    );
    return {
      items: items.map(itemView),
      nextCursor: nextCursorOf(items, INBOX_PAGE_SIZE, (item) => item.createdAt),
      unread: await unreadCount(ctx, caller._id),
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
    if (stats.updated) {
      await audit(ctx.db, {
        at: now,
        actor: caller._id,
        fn: 'message',
        action: 'markRead',
        target: `inbox/${caller._id}`,
        summary: `标记 ${stats.updated} 条消息为已读`,
      });
    }
    return { unread: await unreadCount(ctx, caller._id) };
  },

  /** The user accepted these templates in WeChat's dialog: each accept allows one send. */
  recordConsent: async ({ ctx, caller, input }) => {
    const keys = [...new Set(input.accepted)];
    const counts = await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const result: Record<string, number> = {};
      for (const key of keys) {
        const id = consentId(caller._id, key);
        const existing = await txFind(tx, 'consents', id);
        if (existing) await txUpdate(tx, 'consents', id, { count: ctx.db.command.inc(1), updatedAt: now });
        else await txSet(tx, 'consents', { _id: id, userId: caller._id, templateKey: key, count: 1, updatedAt: now });
        result[key] = (existing?.count ?? 0) + 1;
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

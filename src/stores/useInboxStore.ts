import { create } from 'zustand';
import type { Failure } from '@core/errors';
import type { InboxPage } from '@core/views';
import { messageService } from '@/services/message';
import { NO_FILTERS, pagedState, type NoFilters, type PagedState } from './paged';

type Unread = {
  unread: number;
  refreshUnread: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<Failure | null>;
};

export type InboxState = PagedState<NoFilters, InboxPage> & Unread;

/** 消息: the paged inbox, and the unread count that every page of it (and the tab badge) reports. */
export const useInboxStore = create<InboxState>()(
  pagedState<NoFilters, InboxPage, Unread>(NO_FILTERS, (_filters, cursor) => messageService.inbox(cursor), {
    fromPage: (page) => ({ unread: page.unread }),
    state: (set) => ({
      unread: 0,
      refreshUnread: async () => {
        const result = await messageService.unreadCount();
        if (result.ok) set({ unread: result.data.unread });
      },
      markRead: async (id) => {
        const result = await messageService.markRead([id]);
        if (result.ok)
          set((state) => ({
            unread: result.data.unread,
            items: state.items.map((item) => (item.id === id ? { ...item, read: true } : item)),
          }));
      },
      markAllRead: async () => {
        const result = await messageService.markAllRead();
        if (!result.ok) return result;
        set((state) => ({ unread: 0, items: state.items.map((item) => ({ ...item, read: true })) }));
        return null;
      },
    }),
  }),
);

import { create } from 'zustand';
import type { PageCursor } from '@core/cursor';
import type { Failure } from '@core/errors';
import type { InboxItemView } from '@core/views';
import { messageService } from '@/services/message';

type InboxState = {
  items: InboxItemView[];
  nextCursor: PageCursor | null;
  unread: number;
  loading: boolean;
  loaded: boolean;
  error: Failure | null;
  loadFirst: () => Promise<void>;
  loadMore: () => Promise<void>;
  refreshUnread: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<Failure | null>;
};

export const useInboxStore = create<InboxState>((set, get) => ({
  items: [],
  nextCursor: null,
  unread: 0,
  loading: false,
  loaded: false,
  error: null,
  loadFirst: async () => {
    set({ loading: true });
    const result = await messageService.inbox(null);
    if (result.ok)
      set({
        items: result.data.items,
        nextCursor: result.data.nextCursor,
        unread: result.data.unread,
        loading: false,
        loaded: true,
        error: null,
      });
    else set({ loading: false, error: result });
  },
  loadMore: async () => {
    const { nextCursor, loading } = get();
    if (nextCursor === null || loading) return;
    set({ loading: true });
    const result = await messageService.inbox(nextCursor);
    if (result.ok)
      set((state) => ({
        items: [...state.items, ...result.data.items],
        nextCursor: result.data.nextCursor,
        unread: result.data.unread,
        loading: false,
      }));
    else set({ loading: false, error: result });
  },
  refreshUnread: async () => {
    const result = await messageService.unreadCount();
    if (result.ok) set({ unread: result.data.unread });
  },
  markRead: async (id) => {
    const result = await messageService.markRead([id]);
    if (result.ok)
      set((state) => ({ unread: result.data.unread, items: state.items.map((item) => (item.id === id ? { ...item, read: true } : item)) }));
  },
  markAllRead: async () => {
    const result = await messageService.markAllRead();
    if (!result.ok) return result;
    set((state) => ({ unread: 0, items: state.items.map((item) => ({ ...item, read: true })) }));
    return null;
  },
}));

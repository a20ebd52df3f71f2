/**
 * A filtered, cursor-paged list in a zustand store: the board, the feed. A newer query wins: an
 * answer to an older filter is dropped when it arrives late.
 */
import { create } from 'zustand';
import type { PageCursor } from '@core/cursor';
import type { Failure, Result } from '@core/errors';

type Page = { items: unknown[]; nextCursor: PageCursor | null };

export type PagedState<F, P extends Page> = {
  filters: F;
  items: P['items'];
  /** The whole first page as answered (it may carry more than items, e.g. pinned ones). */
  first: P | null;
  nextCursor: PageCursor | null;
  loading: boolean;
  loaded: boolean;
  error: Failure | null;
  /** Bumped by every new query, so an answer to an older filter is dropped. */
  query: number;
  setFilters: (patch: Partial<F>) => Promise<void>;
  loadFirst: () => Promise<void>;
  loadMore: () => Promise<void>;
};

export function createPagedStore<F extends object, P extends Page>(
  defaults: F,
  fetchPage: (filters: F, cursor: PageCursor | null) => Promise<Result<P>>,
) {
  return create<PagedState<F, P>>((set, get) => ({
    filters: defaults,
    items: [],
    first: null,
    nextCursor: null,
    loading: false,
    loaded: false,
    error: null,
    query: 0,
    setFilters: async (patch) => {
      set((state) => ({ filters: { ...state.filters, ...patch } }));
      await get().loadFirst();
    },
    loadFirst: async () => {
      const query = get().query + 1;
      set({ query, loading: true });
      const result = await fetchPage(get().filters, null);
      if (get().query !== query) return;
      if (result.ok) {
        set({
          items: result.data.items,
          first: result.data,
          nextCursor: result.data.nextCursor,
          loading: false,
          loaded: true,
          error: null,
        });
      } else set({ loading: false, error: result });
    },
    loadMore: async () => {
      const { nextCursor, loading, query, filters } = get();
      if (nextCursor === null || loading) return;
      set({ loading: true });
      const result = await fetchPage(filters, nextCursor);
      if (get().query !== query) return;
      if (result.ok)
        set((state) => ({ items: [...state.items, ...result.data.items], nextCursor: result.data.nextCursor, loading: false }));
      else set({ loading: false, error: result });
    },
  }));
}

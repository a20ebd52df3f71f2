/**
 * The app's one cursor-paged list: the board, the feed and the inbox as shared stores, and each
 * usePaged list as a store of its own. A newer query wins: an answer to an older query (an older
 * filter, a superseded reload) is dropped when it arrives late.
 */
import { create, createStore, type StateCreator, type StoreApi } from 'zustand';
import type { PageCursor } from '@core/cursor';
import type { Failure, Result } from '@core/errors';

type Page = { items: unknown[]; nextCursor: PageCursor | null };

export type FetchPage<F, P extends Page> = (filters: F, cursor: PageCursor | null) => Promise<Result<P>>;

/** The filters of a list that has none. */
export type NoFilters = Record<never, never>;
export const NO_FILTERS: NoFilters = {};

export type PagedState<F, P extends Page> = {
  filters: F;
  items: P['items'];
  /** The whole first page as answered (it may carry more than items, e.g. pinned ones). */
  first: P | null;
  nextCursor: PageCursor | null;
  loading: boolean;
  loaded: boolean;
  error: Failure | null;
  /** Bumped by every new query, so an answer to an older one is dropped. */
  query: number;
  setFilters: (patch: Partial<F>) => Promise<void>;
  loadFirst: () => Promise<void>;
  loadMore: () => Promise<void>;
};

/** State kept beside the list (the inbox's unread count), and what each accepted page says about it. */
export type PagedExtra<F, P extends Page, X> = {
  state: (set: StoreApi<PagedState<F, P> & X>['setState'], get: () => PagedState<F, P> & X) => X;
  fromPage?: (page: P) => Partial<X>;
};

const LIST_ONLY = { state: () => ({}) };

export function pagedState<F extends object, P extends Page, X extends object>(
  defaults: F,
  fetchPage: FetchPage<F, P>,
  extra: PagedExtra<F, P, X>,
): StateCreator<PagedState<F, P> & X> {
  return (set, get) => {
    // Spread over the whole state: TypeScript cannot check a bare partial against state with extra fields.
    const update = (changes: Partial<PagedState<F, P>>, page?: P) =>
      set((state) => ({ ...state, ...changes, ...(page ? extra.fromPage?.(page) : undefined) }));
    return {
      ...extra.state(set, get),
      filters: defaults,
      items: [],
      first: null,
      nextCursor: null,
      loading: false,
      loaded: false,
      error: null,
      query: 0,
      setFilters: async (patch) => {
        update({ filters: { ...get().filters, ...patch } });
        await get().loadFirst();
      },
      loadFirst: async () => {
        const query = get().query + 1;
        update({ query, loading: true });
        const result = await fetchPage(get().filters, null);
        if (get().query !== query) return;
        if (result.ok) {
          const page = result.data;
          update({ items: page.items, first: page, nextCursor: page.nextCursor, loading: false, loaded: true, error: null }, page);
        } else update({ loading: false, error: result });
      },
      loadMore: async () => {
        const { nextCursor, loading, query, filters } = get();
        if (nextCursor === null || loading) return;
        update({ loading: true });
        const result = await fetchPage(filters, nextCursor);
        if (get().query !== query) return;
        if (result.ok) {
          const page = result.data;
          update({ items: [...get().items, ...page.items], nextCursor: page.nextCursor, loading: false }, page);
        } else update({ loading: false, error: result });
      },
    };
  };
}

/** A list shared by pages (and kept between visits), as a zustand hook. */
export function createPagedStore<F extends object, P extends Page>(defaults: F, fetchPage: FetchPage<F, P>) {
  return create(pagedState(defaults, fetchPage, LIST_ONLY));
}

/** A list of one page's own, without filters: the page's query goes into fetchPage. */
export function createLocalPagedStore<P extends Page>(fetchPage: (cursor: PageCursor | null) => Promise<Result<P>>) {
  return createStore(pagedState(NO_FILTERS, (_filters: NoFilters, cursor) => fetchPage(cursor), LIST_ONLY));
}

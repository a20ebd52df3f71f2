import { create } from 'zustand';
import type { ActionInput } from '@core/api';
import type { PageCursor } from '@core/cursor';
import type { Failure } from '@core/errors';
import type { ChallengeCard } from '@core/views';
import { challengeService } from '@/services/challenge';

export type BoardFilters = Required<Omit<ActionInput<'challenge', 'board'>, 'cursor'>>;

export const DEFAULT_FILTERS: BoardFilters = { status: 'active', field: null, mode: null, keyword: '' };

type BoardState = {
  filters: BoardFilters;
  items: ChallengeCard[];
  nextCursor: PageCursor | null;
  loading: boolean;
  loaded: boolean;
  error: Failure | null;
  /** Bumped by every new query, so an answer to an older filter is dropped. */
  query: number;
  setFilters: (patch: Partial<BoardFilters>) => Promise<void>;
  loadFirst: () => Promise<void>;
  loadMore: () => Promise<void>;
};

export const useChallengeStore = create<BoardState>((set, get) => ({
  filters: DEFAULT_FILTERS,
  items: [],
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
    const result = await challengeService.board({ ...get().filters, cursor: null });
    if (get().query !== query) return;
    if (result.ok) set({ items: result.data.items, nextCursor: result.data.nextCursor, loading: false, loaded: true, error: null });
    else set({ loading: false, error: result });
  },
  loadMore: async () => {
    const { nextCursor, loading, query, filters } = get();
    if (nextCursor === null || loading) return;
    set({ loading: true });
    const result = await challengeService.board({ ...filters, cursor: nextCursor });
    if (get().query !== query) return;
    if (result.ok) set((state) => ({ items: [...state.items, ...result.data.items], nextCursor: result.data.nextCursor, loading: false }));
    else set({ loading: false, error: result });
  },
}));

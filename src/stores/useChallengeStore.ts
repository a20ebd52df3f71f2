import type { ActionInput } from '@core/api';
import { challengeService } from '@/services/challenge';
import { createPagedStore } from './paged';

export type BoardFilters = Required<Omit<ActionInput<'challenge', 'board'>, 'cursor'>>;

export const DEFAULT_FILTERS: BoardFilters = { status: 'active', field: null, mode: null, keyword: '' };

/** The 揭榜挂帅 board: filters, pages, and only the answer to the latest filter. */
export const useChallengeStore = createPagedStore(DEFAULT_FILTERS, (filters: BoardFilters, cursor) =>
  challengeService.board({ ...filters, cursor }),
);

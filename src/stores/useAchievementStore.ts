import type { ActionInput } from '@core/api';
import { achievementService } from '@/services/achievement';
import { createPagedStore } from './paged';

export type FeedFilters = Required<Omit<ActionInput<'achievement', 'feed'>, 'cursor'>>;

export const DEFAULT_FEED_FILTERS: FeedFilters = { field: null, type: null };

/** The 动态 feed: confirmed achievements newest first, 典型案例 pinned on the first page. */
export const useAchievementStore = createPagedStore(DEFAULT_FEED_FILTERS, (filters: FeedFilters, cursor) =>
  achievementService.feed({ ...filters, cursor }),
);

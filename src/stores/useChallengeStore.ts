import { create } from 'zustand';
import type { ActionInput } from '@core/api';
import type { ClaimPage } from '@core/views';
import { challengeService } from '@/services/challenge';
import { createPagedStore } from './paged';

export type BoardFilters = Required<Omit<ActionInput<'challenge', 'board'>, 'cursor'>>;

export const DEFAULT_FILTERS: BoardFilters = { status: 'active', field: null, mode: null, keyword: '' };

/** The 揭榜挂帅 board: filters, pages, and only the answer to the latest filter. */
export const useChallengeStore = createPagedStore(DEFAULT_FILTERS, (filters: BoardFilters, cursor) =>
  challengeService.board({ ...filters, cursor }),
);

const claimKey = (challengeId: string, teamId: string) => `${challengeId}_${teamId}`;

type ClaimHandOver = {
  /** Claim pages a write answered with, waiting for the page that opens next. */
  pages: Record<string, ClaimPage>;
  /** Keeps a claim page a write answered with for the claim page about to open. */
  put: (page: ClaimPage) => void;
  /** The claim page handed over for this claim, once; null when there is none and the page must ask. */
  take: (challengeId: string, teamId: string) => ClaimPage | null;
};

/** A claim page handed from the page that wrote it (the claim form) to the page that shows it, so it is not asked for again. */
export const useClaimHandOver = create<ClaimHandOver>((set, get) => ({
  pages: {},
  put: (page) => set((state) => ({ pages: { ...state.pages, [claimKey(page.challengeId, page.teamId)]: page } })),
  take: (challengeId, teamId) => {
    const key = claimKey(challengeId, teamId);
    const page = get().pages[key] ?? null;
    if (page) set((state) => ({ pages: Object.fromEntries(Object.entries(state.pages).filter(([other]) => other !== key)) }));
    return page;
  },
}));

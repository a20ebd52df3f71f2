import { create } from 'zustand';
import type { Failure } from '@core/errors';
import type { TeamDetail, TeamSummary } from '@core/views';
import { teamService } from '@/services/team';

type TeamState = {
  mine: TeamSummary[] | null;
  mineLoading: boolean;
  mineError: Failure | null;
  details: Record<string, TeamDetail>;
  loadMine: () => Promise<void>;
  loadDetail: (teamId: string) => Promise<Failure | null>;
  putDetail: (detail: TeamDetail) => void;
};

export const useTeamStore = create<TeamState>((set) => ({
  mine: null,
  mineLoading: false,
  mineError: null,
  details: {},
  loadMine: async () => {
    set({ mineLoading: true });
    const result = await teamService.mine();
    set(result.ok ? { mine: result.data, mineLoading: false, mineError: null } : { mineLoading: false, mineError: result });
  },
  loadDetail: async (teamId) => {
    const result = await teamService.detail(teamId);
    if (!result.ok) return result;
    set((state) => ({ details: { ...state.details, [teamId]: result.data } }));
    return null;
  },
  putDetail: (detail) => set((state) => ({ details: { ...state.details, [detail.id]: detail } })),
}));

import { create } from 'zustand';
import type { ActionInput } from '@core/api';
import type { Failure } from '@core/errors';
import type { MeView } from '@core/views';
import { userService } from '@/services/user';

type UserState = {
  me: MeView | null;
  loading: boolean;
  error: Failure | null;
  load: () => Promise<void>;
  updateProfile: (input: ActionInput<'user', 'updateProfile'>) => Promise<Failure | null>;
};

export const useUserStore = create<UserState>((set) => ({
  me: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true });
    const result = await userService.me();
    set(result.ok ? { me: result.data, loading: false, error: null } : { loading: false, error: result });
  },
  updateProfile: async (input) => {
    const result = await userService.updateProfile(input);
    if (!result.ok) return result;
    set({ me: result.data });
    return null;
  },
}));

export const isOrganizer = (me: MeView | null) => Boolean(me?.roles.some((role) => role.role === 'organizer'));

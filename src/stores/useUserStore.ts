import { useEffect } from 'react';
import { create } from 'zustand';
import type { ActionInput } from '@core/api';
import type { Failure } from '@core/errors';
import type { MeView, TodoCounts } from '@core/views';
import { userService } from '@/services/user';

type UserState = {
  me: MeView | null;
  loading: boolean;
  error: Failure | null;
  load: () => Promise<void>;
  /** What waits for this user (badges on 我的); null until loaded, kept when a reload fails. */
  todo: TodoCounts | null;
  loadTodo: () => Promise<void>;
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
  todo: null,
  loadTodo: async () => {
    const result = await userService.todo();
    if (result.ok) set({ todo: result.data });
  },
  updateProfile: async (input) => {
    const result = await userService.updateProfile(input);
    if (!result.ok) return result;
    set({ me: result.data });
    return null;
  },
}));

export const isOrganizer = (me: MeView | null) => Boolean(me?.roles.some((role) => role.role === 'organizer'));

/** The signed-in user for a page whose offers depend on roles; loads it if no page has yet. */
export function useMe(): MeView | null {
  const me = useUserStore((state) => state.me);
  const load = useUserStore((state) => state.load);
  useEffect(() => {
    if (!me) void load();
  }, [me, load]);
  return me;
}

/** The league orgs the user organizes, as picker options (the first is the default host). */
export const organizedOrgs = (me: MeView | null) =>
  (me?.roles ?? []).filter((role) => role.role === 'organizer').map((role) => ({ id: role.scopeId, name: role.scopeName }));

import { useMe } from '@/stores/useUserStore';

/** The first org the user organizes ('' when none): the default scope of an organizer's export. */
export function useOrganizerScope(): string {
  return useMe()?.roles.find((role) => role.role === 'organizer')?.scopeId ?? '';
}

import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'team'>> = ActionInput<'team', A>;

export const teamService = {
  orgOptions: () => callCloud('team', 'orgOptions', {}),
  apply: (input: In<'apply'>) => callCloud('team', 'apply', input),
  mine: () => callCloud('team', 'mine', {}),
  detail: (teamId: string) => callCloud('team', 'detail', { teamId }),
  preview: (inviteCode: string) => callCloud('team', 'preview', { inviteCode }),
  join: (input: In<'join'>) => callCloud('team', 'join', input),
  pending: () => callCloud('team', 'pending', {}),
  orgTeams: (status: In<'orgTeams'>['status']) => callCloud('team', 'orgTeams', { status }),
  review: (input: In<'review'>) => callCloud('team', 'review', input),
  removeMember: (teamId: string, userId: string) => callCloud('team', 'removeMember', { teamId, userId }),
  transferLeader: (teamId: string, userId: string) => callCloud('team', 'transferLeader', { teamId, userId }),
  dissolve: (teamId: string, reason: string) => callCloud('team', 'dissolve', { teamId, reason }),
  leave: (teamId: string) => callCloud('team', 'leave', { teamId }),
  refresh: (input: In<'refresh'>) => callCloud('team', 'refresh', input),
};

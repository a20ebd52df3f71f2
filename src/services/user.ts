import type { ActionInput } from '@core/api';
import { callCloud } from './cloud';

export const userService = {
  me: () => callCloud('user', 'me', {}),
  updateProfile: (input: ActionInput<'user', 'updateProfile'>) => callCloud('user', 'updateProfile', input),
  todo: () => callCloud('user', 'todo', {}),
  exportData: () => callCloud('user', 'exportData', {}),
  deleteAccount: (input: ActionInput<'user', 'deleteAccount'>) => callCloud('user', 'deleteAccount', input),
};

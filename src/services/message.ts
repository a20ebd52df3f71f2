import { callCloud } from './cloud';

export const messageService = {
  inbox: (cursor: number | null) => callCloud('message', 'inbox', { cursor }),
  unreadCount: () => callCloud('message', 'unreadCount', {}),
  markRead: (ids: string[]) => callCloud('message', 'markRead', { ids }),
  markAllRead: () => callCloud('message', 'markRead', { all: true }),
};

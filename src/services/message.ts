import type { PageCursor } from '@core/cursor';
import { callCloud } from './cloud';

export const messageService = {
  inbox: (cursor: PageCursor | null) => callCloud('message', 'inbox', { cursor }),
  unreadCount: () => callCloud('message', 'unreadCount', {}),
  markRead: (ids: string[]) => callCloud('message', 'markRead', { ids }),
  markAllRead: () => callCloud('message', 'markRead', { all: true }),
};

import type { PageCursor } from '../cursor';

export type InboxItemView = {
  id: string;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  read: boolean;
};
export type InboxPage = { items: InboxItemView[]; nextCursor: PageCursor | null; unread: number };

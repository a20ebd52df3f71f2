/**
 * Cursor paging for newest-first lists: the position is (createdAt, _id), so items written in the
 * same millisecond are neither skipped nor repeated at a page boundary, and no skip() is needed.
 */
export type PageCursor = string;

export const CURSOR_PATTERN = /^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(at: number, id: string): PageCursor {
  return `${at}.${id}`;
}

export function decodeCursor(cursor: PageCursor): { at: number; id: string } {
  const dot = cursor.indexOf('.');
  return { at: Number(cursor.slice(0, dot)), id: cursor.slice(dot + 1) };
}

/**
 * Cursor paging on (field, _id): the next page starts strictly after the last item of this one,
 * in the list's own order, so equal values are neither skipped nor repeated and no skip() is used.
 */
import { decodeCursor, encodeCursor, type PageCursor } from '../../core/cursor';
import type { Command, Operand, SortDirection } from '../db/types';

export function afterCursor(_: Command, field: string, cursor: PageCursor, direction: SortDirection): Operand {
  const { at, id } = decodeCursor(cursor);
  const beyond = (value: unknown) => (direction === 'asc' ? _.gt(value) : _.lt(value));
  return _.or([{ [field]: beyond(at) }, { [field]: at, _id: beyond(id) }]);
}

/** The cursor for the page after `items`, or null when this page was the last. */
export function nextCursorOf<T extends { _id: string }>(items: T[], pageSize: number, valueOf: (item: T) => number): PageCursor | null {
  const last = items[items.length - 1];
  return items.length === pageSize && last ? encodeCursor(valueOf(last), last._id) : null;
}

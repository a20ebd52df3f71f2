/**
 * The 科技成果库: confirmed achievements anyone may read, newest confirmed first, each with how many
 * confirmed transfers it has led to. Hidden ones (after a report) are left out.
 */
import { excerpt } from '../../../core/text';
import type { Achievement } from '../../../core/types';
import type { LibraryItem } from '../../../core/views';
import { find, findFields } from '../../db/query';
import type { Handlers } from '../../runtime/function';
import { afterCursor, nextCursorOf } from '../../runtime/paging';

export const LIBRARY_PAGE_SIZE = 20;
const SUMMARY_PREVIEW = 80;

/** Regex metacharacters in a user's keyword are searched for literally. */
const literal = (keyword: string) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function libraryItem(achievement: Achievement, transferCount: number): LibraryItem {
  return {
    achievementId: achievement._id,
    title: achievement.title,
    type: achievement.type,
    field: achievement.field,
    teamName: achievement.teamName,
    summary: excerpt(achievement.summary, SUMMARY_PREVIEW),
    confirmedAt: achievement.confirmedAt,
    transferCount,
  };
}

export const libraryHandlers: Pick<Handlers<'transfer'>, 'library'> = {
  library: async ({ ctx, input }) => {
    const _ = ctx.db.command;
    const conditions: object[] = [input.field ? { status: 'confirmed', field: input.field } : { status: 'confirmed' }];
    if (input.keyword) conditions.push({ title: ctx.db.RegExp({ regexp: literal(input.keyword), options: 'i' }) });
    if (input.cursor) conditions.push(afterCursor(_, 'confirmedAt', input.cursor, 'desc'));
    const page = await find(ctx.db, 'achievements', _.and(conditions), {
      orderBy: [
        ['confirmedAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: LIBRARY_PAGE_SIZE,
    });
    // Hidden content leaves the list; the next page continues after what was read.
    const shown = page.filter((achievement) => !achievement.hidden);
    const transfers = shown.length
      ? await findFields(ctx.db, 'transfers', { achievementId: _.in(shown.map((item) => item._id)), status: 'confirmed' }, [
          'achievementId',
        ])
      : [];
    const counts = new Map<string, number>();
    for (const transfer of transfers)
      if (transfer.achievementId) counts.set(transfer.achievementId, (counts.get(transfer.achievementId) ?? 0) + 1);
    return {
      items: shown.map((achievement) => libraryItem(achievement, counts.get(achievement._id) ?? 0)),
      nextCursor: nextCursorOf(page, LIBRARY_PAGE_SIZE, (achievement) => achievement.confirmedAt),
    };
  },
};

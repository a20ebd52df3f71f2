/** The 动态 feed (confirmed achievements, newest first, 典型案例 pinned) and a team's achievements with totals. */
import { ACHIEVEMENT_STATUSES, FEED_PAGE_SIZE, MAX_FEATURED, type AchievementType } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement } from '../../../core/types';
import { findById, findMany } from '../../db/collections';
import type { DocData } from '../../db/types';
import { isTeamOrganizer, memberRole } from '../../runtime/access';
import type { Handlers } from '../../runtime/function';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { achievementCard } from './views';

export const feedHandlers: Pick<Handlers<'achievement'>, 'feed' | 'teamAchievements'> = {
  feed: async ({ ctx, input }) => {
    const _ = ctx.db.command;
    const filters: DocData = { status: 'confirmed' };
    if (input.field) filters.field = input.field;
    if (input.type) filters.type = input.type;
    const stream: object[] = [{ ...filters, featured: false }];
    if (input.cursor) stream.push(afterCursor(_, 'confirmedAt', input.cursor, 'desc'));
    const items = await findMany(
      'achievements',
      ctx.db.collection('achievements').where(_.and(stream)).orderBy('confirmedAt', 'desc').orderBy('_id', 'desc').limit(FEED_PAGE_SIZE),
    );
    // 典型案例 are pinned above the first page and left out of the stream, so none shows twice.
    const featured = input.cursor
      ? []
      : await findMany(
          'achievements',
          ctx.db
            .collection('achievements')
            .where({ ...filters, featured: true })
            .orderBy('confirmedAt', 'desc')
            .limit(MAX_FEATURED),
        );
    return {
      featured: featured.map((item) => achievementCard(item, false)),
      items: items.map((item) => achievementCard(item, false)),
      nextCursor: nextCursorOf(items, FEED_PAGE_SIZE, (item) => item.confirmedAt),
    };
  },

  teamAchievements: async ({ ctx, caller, input }) => {
    const team = await findById(ctx.db, 'teams', input.teamId);
    if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队，可能已被删除');
    const role = await memberRole(ctx, team._id, caller._id);
    const insider = role !== null || (await isTeamOrganizer(ctx, caller, team));
    const all = await findMany(
      'achievements',
      ctx.db.collection('achievements').where({ teamId: team._id }).orderBy('updatedAt', 'desc').limit(1000),
    );
    const count = (status: (typeof ACHIEVEMENT_STATUSES)[number]) => all.filter((item) => item.status === status).length;
    const confirmed = all.filter((item) => item.status === 'confirmed');
    const byType: Partial<Record<AchievementType, number>> = {};
    for (const item of confirmed) byType[item.type] = (byType[item.type] ?? 0) + 1;
    const shown = (item: Achievement) => item.status === 'confirmed' || (insider && (item.status !== 'draft' || role !== null));
    return {
      teamId: team._id,
      confirmed: confirmed.length,
      confirmedByType: byType,
      unconfirmed: { submitted: count('submitted'), returned: count('returned'), draft: role !== null ? count('draft') : 0 },
      items: all.filter(shown).map((item) => achievementCard(item, insider)),
    };
  },
};

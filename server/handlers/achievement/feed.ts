/** The 动态 feed (confirmed achievements, newest first, 典型案例 pinned) and a team's achievements with totals. */
import { ACHIEVEMENT_STATUSES, FEED_PAGE_SIZE, MAX_FEATURED, type AchievementType } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement } from '../../../core/types';
import { findById } from '../../db/collections';
import { find } from '../../db/query';
import type { DocData } from '../../db/types';
import { isTeamOrganizer, memberRole } from '../../runtime/access';
import type { Handlers } from '../../runtime/function';
import { isOrganizer, loadOrgs } from '../../runtime/orgs';
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
    // 典型案例 are pinned above the first page and left out of the stream, so none shows twice.
    const [items, featured] = await Promise.all([
      find(ctx.db, 'achievements', _.and(stream), {
        orderBy: [
          ['confirmedAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: FEED_PAGE_SIZE,
      }),
      input.cursor
        ? []
        : find(ctx.db, 'achievements', { ...filters, featured: true }, { orderBy: [['confirmedAt', 'desc']], limit: MAX_FEATURED }),
    ]);
    // Content hidden after a report leaves the feed; the page continues after what was read.
    const shown = (item: Achievement) => !item.hidden;
    return {
      featured: featured.filter(shown).map((item) => achievementCard(item, false)),
      items: items.filter(shown).map((item) => achievementCard(item, false)),
      nextCursor: nextCursorOf(items, FEED_PAGE_SIZE, (item) => item.confirmedAt),
    };
  },

  teamAchievements: async ({ ctx, caller, input }) => {
    // The team, the caller's place in it and its achievements are all named by the input: one round.
    const [team, role, , all] = await Promise.all([
      findById(ctx.db, 'teams', input.teamId),
      memberRole(ctx, input.teamId, caller._id),
      // Warms the org tree for the organizer check below (only an organizer's needs it).
      isOrganizer(caller) ? loadOrgs(ctx) : null,
      find(ctx.db, 'achievements', { teamId: input.teamId }, { orderBy: [['updatedAt', 'desc']] }),
    ]);
    if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队，可能已被删除');
    const insider = role !== null || (await isTeamOrganizer(ctx, caller, team));
    const count = (status: (typeof ACHIEVEMENT_STATUSES)[number]) => all.filter((item) => item.status === status).length;
    const confirmed = all.filter((item) => item.status === 'confirmed');
    const byType: Partial<Record<AchievementType, number>> = {};
    for (const item of confirmed) byType[item.type] = (byType[item.type] ?? 0) + 1;
    const shown = (item: Achievement) => (insider ? item.status !== 'draft' || role !== null : item.status === 'confirmed' && !item.hidden);
    return {
      teamId: team._id,
      confirmed: confirmed.length,
      confirmedByType: byType,
      unconfirmed: { submitted: count('submitted'), returned: count('returned'), draft: role !== null ? count('draft') : 0 },
      items: all.filter(shown).map((item) => achievementCard(item, insider)),
    };
  },
};

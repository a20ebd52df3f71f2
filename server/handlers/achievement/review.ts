/** 成果, the confirming side: confirm or return (by someone outside the team), 典型案例, the queue to confirm. */
import { ACHIEVEMENT_MACHINE } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement, User } from '../../../core/types';
import { findById, findMany, txFind, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { must } from '../../runtime/machine';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { achievementFeaturedMessages, achievementResultMessages } from './messages';
import { achievementCard, achievementDetail } from './views';
import { leadersOf, membershipsOf } from '../../runtime/lookups';

/** Where someone may confirm achievements: teams of the league orgs they organize, and the challenges they review. */
export function confirmScopes(ctx: Ctx, managedOrgIds: string[], reviewed: { _id: string }[]): DocData[] {
  const _ = ctx.db.command;
  const scopes: DocData[] = [];
  if (managedOrgIds.length) scopes.push({ leagueOrgId: _.in(managedOrgIds) });
  if (reviewed.length) scopes.push({ challengeId: _.in(reviewed.map((challenge) => challenge._id)) });
  return scopes;
}

export const PENDING_PAGE_SIZE = 20;

const OWN_TEAM_CONFIRM = '你是该队成员，不能确认本队的成果';

async function reloaded(ctx: Ctx, caller: User, achievementId: string) {
  return achievementDetail(ctx, caller, (await findById(ctx.db, 'achievements', achievementId))!);
}

/** Confirm or return: one decision on a submitted achievement, with its messages, in one transaction. */
async function decide(ctx: Ctx, caller: User, achievement: Achievement, confirmed: boolean, reason: string) {
  await requireOutsider(ctx, caller, achievement.teamId, OWN_TEAM_CONFIRM);
  const event = confirmed ? 'confirm' : 'return';
  must(ACHIEVEMENT_MACHINE, achievement.status, event, '这项成果当前不在待确认状态');
  const leaderId = (await leadersOf(ctx, [achievement.teamId])).get(achievement.teamId) ?? '';
  await ctx.db.runTransaction(async (tx) => {
    const fresh = await txFind(tx, 'achievements', achievement._id);
    const next = must(ACHIEVEMENT_MACHINE, fresh?.status ?? 'confirmed', event, '这项成果已经处理过了，请刷新');
    const now = ctx.now();
    const decision = confirmed
      ? { confirmation: ctx.db.command.set({ by: caller._id, at: now }), confirmedAt: now, contentFlag: null }
      : { returned: ctx.db.command.set({ by: caller._id, at: now, reason }) };
    await txUpdate(tx, 'achievements', achievement._id, { status: next, updatedAt: now, ...decision });
    for (const message of achievementResultMessages(achievement, leaderId, { confirmed, reason }, now)) await enqueue(tx, now, message);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'achievement',
      action: event,
      target: `achievements/${achievement._id}`,
      summary: confirmed ? `确认成果「${achievement.title}」` : `退回成果「${achievement.title}」：${reason}`,
    });
  });
  return reloaded(ctx, caller, achievement._id);
}

export const reviewHandlers: Pick<Handlers<'achievement'>, 'confirm' | 'return' | 'feature' | 'pending'> = {
  confirm: ({ ctx, caller, achievement }) => decide(ctx, caller, achievement, true, ''),

  return: ({ ctx, caller, input, achievement }) => decide(ctx, caller, achievement, false, input.reason),

  feature: async ({ ctx, caller, input, achievement }) => {
    const current = achievement;
    await requireOutsider(ctx, caller, current.teamId, OWN_TEAM_CONFIRM);
    if (input.featured && current.status !== 'confirmed') throw new AppError('STATE_CONFLICT', '只有已确认的成果可以设为典型案例');
    const leaderId = (await leadersOf(ctx, [current.teamId])).get(current.teamId) ?? '';
    await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      await txUpdate(tx, 'achievements', current._id, {
        featured: input.featured,
        feature: input.featured ? ctx.db.command.set({ by: caller._id, at: now, note: input.note }) : null,
        updatedAt: now,
      });
      if (input.featured)
        for (const message of achievementFeaturedMessages(current, leaderId, input.note, now)) await enqueue(tx, now, message);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'achievement',
        action: 'feature',
        target: `achievements/${current._id}`,
        summary: input.featured ? `设为典型案例：${input.note}` : '取消典型案例',
      });
    });
    return reloaded(ctx, caller, current._id);
  },

  pending: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const managed = [...managedLeagueOrgIds(await loadOrgs(ctx), caller)];
    const reviewed = await findMany(
      'challenges',
      ctx.db.collection('challenges').where({ reviewerId: caller._id }).field({ _id: true }).limit(1000),
    );
    const scopes = confirmScopes(ctx, managed, reviewed);
    if (!scopes.length) return { items: [], nextCursor: null };
    const conditions: object[] = [{ status: 'submitted' }, scopes.length === 1 ? scopes[0] : _.or(scopes)];
    if (input.cursor) conditions.push(afterCursor(_, 'submittedAt', input.cursor, 'asc'));
    const items = await findMany(
      'achievements',
      ctx.db
        .collection('achievements')
        .where(_.and(conditions))
        .orderBy('submittedAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(PENDING_PAGE_SIZE),
    );
    const memberships = await membershipsOf(ctx, caller._id);
    const own = new Set(memberships.map((member) => member.teamId));
    return {
      items: items.filter((item) => !own.has(item.teamId)).map((item) => achievementCard(item, true)),
      nextCursor: nextCursorOf(items, PENDING_PAGE_SIZE, (item) => item.submittedAt ?? 0),
    };
  },
};

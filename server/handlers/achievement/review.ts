/** 成果, the confirming side: confirm or return (by someone outside the team), 典型案例, the queue to confirm. */
import { ACHIEVEMENT_MACHINE } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement, User } from '../../../core/types';
import { txFind, txUpdate } from '../../db/collections';
import { find, findFields } from '../../db/query';
import type { DocData } from '../../db/types';
import { requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { must } from '../../runtime/machine';
import { isOrganizer, loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { achievementFeaturedMessages, achievementResultMessages } from './messages';
import { achievementCard, detailData, writtenDetail } from './views';
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

/** The league orgs the caller organizes (the org tree is only read for an organizer). */
async function managedOrgIds(ctx: Ctx, caller: User): Promise<string[]> {
  if (!isOrganizer(caller)) return [];
  return [...managedLeagueOrgIds(await loadOrgs(ctx), caller)];
}

const OWN_TEAM_CONFIRM = '你是该队成员，不能确认本队的成果';

/**
 * What a decision on an achievement needs, read in one round: that the caller stands outside the
 * team, the team's current leader (who hears of it), and the detail it answers with (naming the caller).
 */
async function beforeDecision(ctx: Ctx, caller: User, achievement: Achievement) {
  const [, leaders, data] = await Promise.all([
    requireOutsider(ctx, caller, achievement.teamId, OWN_TEAM_CONFIRM),
    leadersOf(ctx, [achievement.teamId]),
    detailData(ctx, caller, achievement, { people: [caller._id] }),
  ]);
  return { leaderId: leaders.get(achievement.teamId) ?? '', data };
}

/** Confirm or return: one decision on a submitted achievement, with its messages, in one transaction. */
async function decide(ctx: Ctx, caller: User, achievement: Achievement, confirmed: boolean, reason: string) {
  const { leaderId, data } = await beforeDecision(ctx, caller, achievement);
  const event = confirmed ? 'confirm' : 'return';
  must(ACHIEVEMENT_MACHINE, achievement.status, event, '这项成果当前不在待确认状态');
  const decided = await ctx.db.runTransaction(async (tx): Promise<Achievement> => {
    const fresh = await txFind(tx, 'achievements', achievement._id);
    const next = must(ACHIEVEMENT_MACHINE, fresh?.status ?? 'confirmed', event, '这项成果已经处理过了，请刷新');
    const now = ctx.now();
    // requireOutsider has just held: the confirmer stands outside the team as of this decision.
    const confirmation = { by: caller._id, at: now, outsideTeam: true };
    const returned = { by: caller._id, at: now, reason };
    const decision = confirmed
      ? { confirmation: ctx.db.command.set(confirmation), confirmedAt: now, contentFlag: null }
      : { returned: ctx.db.command.set(returned) };
    await txUpdate(tx, 'achievements', achievement._id, { status: next, updatedAt: now, ...decision });
    for (const message of achievementResultMessages(achievement, leaderId, { confirmed, reason }, now)) await enqueue(tx, now, message);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'achievement',
      action: event,
      target: `achievements/${achievement._id}`,
      orgId: achievement.leagueOrgId,
      teamId: achievement.teamId,
      summary: confirmed ? `确认成果「${achievement.title}」` : `退回成果「${achievement.title}」：${reason}`,
    });
    const base = { ...(fresh ?? achievement), status: next, updatedAt: now };
    return confirmed ? { ...base, confirmation, confirmedAt: now, contentFlag: null } : { ...base, returned };
  });
  return writtenDetail(ctx, decided, data);
}

export const reviewHandlers: Pick<Handlers<'achievement'>, 'confirm' | 'return' | 'feature' | 'pending'> = {
  confirm: ({ ctx, caller, achievement }) => decide(ctx, caller, achievement, true, ''),

  return: ({ ctx, caller, input, achievement }) => decide(ctx, caller, achievement, false, input.reason),

  feature: async ({ ctx, caller, input, achievement }) => {
    const current = achievement;
    const { leaderId, data } = await beforeDecision(ctx, caller, current);
    if (input.featured && current.status !== 'confirmed') throw new AppError('STATE_CONFLICT', '只有已确认的成果可以设为典型案例');
    const featured = await ctx.db.runTransaction(async (tx): Promise<Achievement> => {
      // Read inside the transaction: an edit made a moment ago is what the answer shows.
      const fresh = (await txFind(tx, 'achievements', current._id)) ?? current;
      if (input.featured && fresh.status !== 'confirmed') throw new AppError('STATE_CONFLICT', '只有已确认的成果可以设为典型案例');
      const now = ctx.now();
      const feature = input.featured ? { by: caller._id, at: now, note: input.note } : null;
      await txUpdate(tx, 'achievements', current._id, {
        featured: input.featured,
        feature: feature ? ctx.db.command.set(feature) : null,
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
        orgId: current.leagueOrgId,
        teamId: current.teamId,
        summary: input.featured ? `设为典型案例：${input.note}` : '取消典型案例',
      });
      return { ...fresh, featured: input.featured, feature, updatedAt: now };
    });
    return writtenDetail(ctx, featured, data);
  },

  pending: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const [managed, reviewed, memberships] = await Promise.all([
      managedOrgIds(ctx, caller),
      findFields(ctx.db, 'challenges', { reviewerId: caller._id }, ['_id']),
      membershipsOf(ctx, caller._id),
    ]);
    const scopes = confirmScopes(ctx, managed, reviewed);
    if (!scopes.length) return { items: [], nextCursor: null };
    const conditions: object[] = [{ status: 'submitted' }, scopes.length === 1 ? scopes[0] : _.or(scopes)];
    if (input.cursor) conditions.push(afterCursor(_, 'submittedAt', input.cursor, 'asc'));
    const items = await find(ctx.db, 'achievements', _.and(conditions), {
      orderBy: [
        ['submittedAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: PENDING_PAGE_SIZE,
    });
    const own = new Set(memberships.map((member) => member.teamId));
    return {
      items: items.filter((item) => !own.has(item.teamId)).map((item) => achievementCard(item, true)),
      nextCursor: nextCursorOf(items, PENDING_PAGE_SIZE, (item) => item.submittedAt ?? 0),
    };
  },
};

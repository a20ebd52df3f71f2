import { REMINDER_DAYS } from '../../../core/challenge-rules';
import { DAY_MS } from '../../../core/time';
import { txFind, txUpdate } from '../../db/collections';
import { fieldsByIds, find } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { leadersOf } from '../../runtime/lookups';
import { enqueue } from '../../runtime/outbox';
import { milestoneDueMessage } from './messages';

/**
 * Remind a team's leader 3 days and 1 day before a pending milestone is due, each once. A
 * milestone that enters the window late gets only the nearest reminder, not both at once.
 */
export async function remindMilestones(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const widest = Math.max(...REMINDER_DAYS);
  const due = await find(
    ctx.db,
    'milestones',
    { status: 'pending', dueAt: _.gt(now).and(_.lte(now + widest * DAY_MS)) },
    { orderBy: [['dueAt', 'asc']], limit: 100 },
  );
  const pending = due.flatMap((milestone) => {
    const daysBefore = Math.min(...REMINDER_DAYS.filter((days) => milestone.dueAt - now <= days * DAY_MS));
    return milestone.reminded.includes(daysBefore) ? [] : [{ milestone, daysBefore }];
  });
  // Every leader and challenge title at once, not one pair of reads per milestone.
  const [leaders, challenges] = await Promise.all([
    leadersOf(
      ctx,
      pending.map(({ milestone }) => milestone.teamId),
    ),
    fieldsByIds(
      ctx.db,
      'challenges',
      pending.map(({ milestone }) => milestone.challengeId),
      ['title', 'leagueOrgId'],
    ),
  ]);
  const titles = new Map(challenges.map((challenge) => [challenge._id, challenge.title]));
  const orgIds = new Map(challenges.map((challenge) => [challenge._id, challenge.leagueOrgId]));
  let reminded = 0;
  for (const { milestone, daysBefore } of pending) {
    const leaderId = leaders.get(milestone.teamId);
    const title = titles.get(milestone.challengeId);
    if (leaderId === undefined || title === undefined) continue;
    const sent = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'milestones', milestone._id);
      if (fresh?.status !== 'pending' || fresh.reminded.includes(daysBefore)) return false;
      const covered = REMINDER_DAYS.filter((days) => days >= daysBefore);
      await txUpdate(tx, 'milestones', milestone._id, { reminded: _.set([...new Set([...fresh.reminded, ...covered])]) });
      await enqueue(tx, now, milestoneDueMessage(title, fresh, leaderId, daysBefore));
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'dispatch',
        action: 'remindMilestone',
        target: `milestones/${milestone._id}`,
        orgId: orgIds.get(milestone.challengeId),
        teamId: milestone.teamId,
        summary: `提醒节点「${milestone.title}」${daysBefore} 天后到期`,
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}

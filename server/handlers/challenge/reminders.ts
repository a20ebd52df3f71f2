import { REMINDER_DAYS } from '../../../core/challenge-rules';
import { DAY_MS } from '../../../core/time';
import { findById, findMany, txFind, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
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
  const due = await findMany(
    'milestones',
    ctx.db
      .collection('milestones')
      .where({ status: 'pending', dueAt: _.gt(now).and(_.lte(now + widest * DAY_MS)) })
      .orderBy('dueAt', 'asc')
      .limit(100),
  );
  let reminded = 0;
  for (const milestone of due) {
    const daysBefore = Math.min(...REMINDER_DAYS.filter((days) => milestone.dueAt - now <= days * DAY_MS));
    if (milestone.reminded.includes(daysBefore)) continue;
    const team = await findById(ctx.db, 'teams', milestone.teamId);
    const challenge = await findById(ctx.db, 'challenges', milestone.challengeId);
    if (!team || !challenge) continue;
    const sent = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'milestones', milestone._id);
      if (fresh?.status !== 'pending' || fresh.reminded.includes(daysBefore)) return false;
      const covered = REMINDER_DAYS.filter((days) => days >= daysBefore);
      await txUpdate(tx, 'milestones', milestone._id, { reminded: _.set([...new Set([...fresh.reminded, ...covered])]) });
      await enqueue(tx, now, milestoneDueMessage(challenge.title, fresh, team.leaderId, daysBefore));
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'dispatch',
        action: 'remindMilestone',
        target: `milestones/${milestone._id}`,
        summary: `提醒节点「${milestone.title}」${daysBefore} 天后到期`,
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}

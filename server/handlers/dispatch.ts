import { performance } from 'node:perf_hooks';
import { REFRESH_AFTER_DAYS } from '../../core/team-rules';
import { DAY_MS, formatDate } from '../../core/time';
import { txFind, txUpdate } from '../db/collections';
import { find } from '../db/query';
import { audit } from '../runtime/audit';
import type { Ctx } from '../runtime/context';
import type { Handlers } from '../runtime/function';
import { loadOrgs, organizersOf } from '../runtime/orgs';
import { drainOutbox, enqueue } from '../runtime/outbox';
import { remindMilestones } from './challenge/reminders';
import { refreshRollups, ROLLUP_MS } from './cockpit/rollup-job';
import { prepareQuarterlyDrafts, remindUnacknowledgedLetters } from './feedback/dispatch';
import { DISPATCH_FANOUT_MS, finishNoticeFanouts } from './notice/delivery';
import { teamChangedMessage } from './team/messages';

/** Real time a run may take before starting the hourly rollups (its function times out at 60 s). */
const ROLLUPS_START_BY_MS = 50_000 - ROLLUP_MS;

/** Tell the leader and the organizers once per overdue period that a registration needs refreshing. */
async function flagRefreshDue(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  const overdue = await find(
    ctx.db,
    'teams',
    { status: 'registered', refreshedAt: ctx.db.command.lt(now - REFRESH_AFTER_DAYS * DAY_MS) },
    { orderBy: [['refreshedAt', 'asc']], limit: 100 },
  );
  const orgs = overdue.length ? await loadOrgs(ctx) : [];
  let flagged = 0;
  for (const team of overdue.filter((candidate) => candidate.refreshNotifiedFor !== candidate.refreshedAt)) {
    const recipients = [team.leaderId, ...(await organizersOf(ctx.db, orgs, team.leagueOrgId))];
    await ctx.db.runTransaction(async (tx) => {
      const current = await txFind(tx, 'teams', team._id);
      if (!current || current.refreshNotifiedFor === current.refreshedAt) return;
      const body = `「${team.name}」的备案信息自 ${formatDate(team.refreshedAt ?? now)} 起未更新，已超过 ${REFRESH_AFTER_DAYS} 天。请队长在队伍页确认或修改备案信息。`;
      for (const userId of new Set(recipients)) {
        await enqueue(tx, now, teamChangedMessage(team, userId, `refreshDue_${team.refreshedAt}`, '待更新备案', body, now));
      }
      await txUpdate(tx, 'teams', team._id, { refreshNotifiedFor: team.refreshedAt });
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'dispatch',
        action: 'flagRefreshDue',
        target: `teams/${team._id}`,
        summary: '提醒更新备案',
        orgId: team.leagueOrgId,
        teamId: team._id,
      });
    });
    flagged += 1;
  }
  return flagged;
}

export const dispatchHandlers: Handlers<'dispatch'> = {
  run: async ({ ctx }) => {
    // Long work stops at deadlines well inside the 60 s timeout and continues on the next run.
    const started = performance.now();
    const flagged = await flagRefreshDue(ctx);
    await finishNoticeFanouts(ctx, started + DISPATCH_FANOUT_MS);
    const reminded = await remindMilestones(ctx);
    const lettersReminded = await remindUnacknowledgedLetters(ctx);
    const draftsPrepared = await prepareQuarterlyDrafts(ctx);
    const report = await drainOutbox(ctx);
    // The dashboards' figures wait for a run with time left (at most a minute later); messages do not.
    const rollups = performance.now() - started < ROLLUPS_START_BY_MS ? await refreshRollups(ctx) : ({ skipped: 'late' } as const);
    return { ...report, flagged, reminded, lettersReminded, draftsPrepared, rollups };
  },
};

/** Writing a day's log: one per member per team per Shanghai day, edited by resubmitting, applied once per request. */
import { AppError } from '../../../core/errors';
import { LOG_REQUEST_MEMORY, dayKey, logDayRefusal } from '../../../core/progress-rules';
import { shanghaiDay } from '../../../core/time';
import type { Claim, Milestone, ProgressLog, Team } from '../../../core/types';
import type { ProgressLogView } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { HandlerArgs } from '../../runtime/function';
import { claimTitlesOf } from '../../runtime/lookups';
import { logView, logViews, type Citations } from './views';
import { requireOwnFiles } from '../../runtime/files';

type LogArgs = HandlerArgs<'progress', 'log'>;
type LogInput = LogArgs['input'];

export const logIdOf = (teamId: string, userId: string, day: string) => `${teamId}_${userId}_${day}`;

function requireRegistered(team: Team): void {
  if (team.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以记录进展');
}

/**
 * A cited claim must be one the team is racing on, and a cited gate must be one of its gates. A log
 * that already cited a claim keeps it when edited, even after that claim has ended: the work was real.
 */
function checkCitation(teamId: string, input: LogInput, saved: ProgressLog | null, claim: Claim | null, milestone: Milestone | null): void {
  const { claimId, milestoneId } = input;
  if (!claimId) return;
  if (!claim || claim.teamId !== teamId) throw new AppError('INVALID_INPUT', '所选揭榜不属于本队');
  const keptCitation = saved?.claimId === claimId && (milestoneId === null || saved.milestoneId === milestoneId);
  if (claim.status !== 'accepted' && !keptCitation) throw new AppError('STATE_CONFLICT', '所选揭榜已不在攻关中，请重新选择');
  if (!milestoneId) return;
  if (!milestone || milestone.claimId !== claimId) throw new AppError('INVALID_INPUT', '所选节点不属于这个揭榜');
}

/** What the input cites, titled: the claim's challenge title is one more read, the gate's title is at hand. */
async function inputCitations(args: LogArgs, claim: Claim | null, milestone: Milestone | null): Promise<Citations> {
  return {
    claimTitles: await claimTitlesOf(args.ctx, claim ? [claim] : []),
    milestoneTitles: new Map(milestone ? [[milestone._id, milestone.title]] : []),
  };
}

/** A log's view from the citations of the input, or read afresh when the log cites something else. */
async function viewOf(args: LogArgs, log: ProgressLog, citations: Citations): Promise<ProgressLogView> {
  const { input, caller } = args;
  if (log.claimId !== input.claimId || log.milestoneId !== input.milestoneId) return (await logViews(args.ctx, [log]))[0];
  // The log is the caller's own (its id names them): their record is already at hand.
  return logView(log, new Map([[caller._id, caller]]), citations);
}

export async function logProgress(args: LogArgs): Promise<ProgressLogView> {
  const { ctx, caller, input, team } = args;
  requireRegistered(team);
  const day = input.day ?? shanghaiDay(ctx.now());
  const refusal = logDayRefusal(day, ctx.now());
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const logId = logIdOf(team._id, caller._id, day);
  const [existing, claim, milestone] = await Promise.all([
    findById(ctx.db, 'progress', logId),
    input.claimId ? findById(ctx.db, 'claims', input.claimId) : null,
    input.milestoneId ? findById(ctx.db, 'milestones', input.milestoneId) : null,
  ]);
  if (existing?.requestIds.includes(input.requestId)) return viewOf(args, existing, await inputCitations(args, claim, milestone));
  checkCitation(team._id, input, existing, claim, milestone);
  requireOwnFiles(caller._id, input.photos, existing?.photos ?? []);
  const citations = await inputCitations(args, claim, milestone);

  const fields = {
    content: input.content,
    noProgress: input.noProgress,
    evidence: { kind: input.evidence.kind, ref: input.evidence.ref },
    photos: input.photos,
    claimId: input.claimId,
    milestoneId: input.milestoneId,
  };
  const saved = await ctx.db.runTransaction(async (tx): Promise<ProgressLog> => {
    const fresh = await txFind(tx, 'progress', logId);
    if (fresh?.requestIds.includes(input.requestId)) return fresh;
    const now = ctx.now();
    let written: ProgressLog;
    if (fresh) {
      const requestIds = [...fresh.requestIds, input.requestId].slice(-LOG_REQUEST_MEMORY);
      await txUpdate(tx, 'progress', logId, {
        ...fields,
        evidence: ctx.db.command.set(fields.evidence),
        photos: ctx.db.command.set(fields.photos),
        requestIds: ctx.db.command.set(requestIds),
        updatedAt: now,
        edits: ctx.db.command.inc(1),
      });
      written = { ...fresh, ...fields, requestIds, updatedAt: now, edits: fresh.edits + 1 };
    } else {
      written = {
        _id: logId,
        teamId: team._id,
        userId: caller._id,
        day,
        dayKey: dayKey(day),
        ...fields,
        requestIds: [input.requestId],
        createdAt: now,
        updatedAt: now,
        edits: 0,
      };
      await txSet(tx, 'progress', written);
    }
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'progress',
      action: 'log',
      target: `progress/${logId}`,
      orgId: team.leagueOrgId,
      teamId: team._id,
      summary: `${fresh ? '修改' : '记录'} ${day} 的进展${input.noProgress ? '（今日无进展）' : ''}`,
    });
    return written;
  });
  return viewOf(args, saved, citations);
}

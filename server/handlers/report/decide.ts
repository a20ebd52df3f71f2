/**
 * An organizer's decision on a report: hide the content (kept on record, its author told why),
 * dismiss the report, or restore content hidden earlier. The report, the content's mark, the audit
 * entries and the messages are written in one transaction.
 */
import { AppError } from '../../../core/errors';
import { REPORT_TARGET_LABELS, type ReportAction, type ReportStatus, type ReportTargetKind } from '../../../core/report-rules';
import type { HiddenMark, Report } from '../../../core/types';
import type { ReportCard } from '../../../core/views';
import { txFind, txUpdate } from '../../db/collections';
import { requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { HandlerArgs } from '../../runtime/function';
import { membershipsOf, usersById } from '../../runtime/lookups';
import { enqueue } from '../../runtime/outbox';
import { authorMessage, reporterMessage } from './messages';
import { GONE as GONE_TARGET, readTargets, TARGET_COLLECTION, targetKey, type TargetInfo } from './target';
import { reportCard } from './views';

const OWN_TEAM = '你是该队成员，不能处理针对本队内容的举报';
const GONE = '被举报的内容已不存在，请驳回这条举报';

/** The report and the content as they stand allow this decision, or STATE_CONFLICT saying why not. */
function check(action: ReportAction, status: ReportStatus, hidden: HiddenMark | null): void {
  if (action === 'dismiss' && status !== 'open') throw new AppError('STATE_CONFLICT', '这条举报已经处理过了，请刷新');
  if (action === 'hide' && hidden && status !== 'open') throw new AppError('STATE_CONFLICT', '内容已经隐藏了，请刷新');
  if (action === 'restore' && !hidden) throw new AppError('STATE_CONFLICT', '内容当前没有被隐藏，无需恢复');
}

/** Whose content it is now (a team's is its current leader's). */
function authorOf(kind: ReportTargetKind, doc: Record<string, unknown>, fallback: string): string {
  const field = { achievement: 'authorId', progress: 'userId', notice: 'authorId', team: 'leaderId', user: '_id' }[kind];
  const value = doc[field];
  return typeof value === 'string' && value ? value : fallback;
}

const ACTION_LABEL: Record<ReportAction, string> = { hide: '隐藏', dismiss: '驳回', restore: '恢复' };

export async function decideReport({ ctx, caller, input, report }: HandlerArgs<'report', 'decide'>): Promise<ReportCard> {
  const key = targetKey(report.targetKind, report.targetId);
  // The caller's memberships come in the same round, so the outsider check below reads nothing more.
  const [targets, users] = await Promise.all([
    readTargets(ctx, [report]),
    usersById(ctx, [report.reporterId], [caller]),
    membershipsOf(ctx, caller._id),
  ]);
  // Content gone since (a discarded draft) can only have its report dismissed.
  const target = targets.get(key) ?? GONE_TARGET;
  if (target === GONE_TARGET && input.decision !== 'dismiss') throw new AppError('NOT_FOUND', GONE);
  if (target.teamId) await requireOutsider(ctx, caller, target.teamId, OWN_TEAM);
  check(input.decision, report.status, target.hidden);

  const collection = TARGET_COLLECTION[report.targetKind];
  const what = `${REPORT_TARGET_LABELS[report.targetKind]}「${target.title}」`;
  const decided = await ctx.db.runTransaction(async (tx): Promise<{ report: Report; hidden: HiddenMark | null }> => {
    const fresh = await txFind(tx, 'reports', report._id);
    const content = await txFind(tx, collection, report.targetId);
    if (!fresh) throw new AppError('NOT_FOUND', '找不到这条举报，可能已被处理');
    if (!content && input.decision !== 'dismiss') throw new AppError('NOT_FOUND', GONE);
    const current = content?.hidden ?? null;
    check(input.decision, fresh.status, current);
    const now = ctx.now();
    const decision = { by: caller._id, at: now, action: input.decision, reason: input.reason };
    const status: ReportStatus = input.decision === 'hide' ? 'hidden' : 'dismissed';
    await txUpdate(tx, 'reports', report._id, { status, decision: ctx.db.command.set(decision) });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'report',
      action: 'decide',
      target: `reports/${report._id}`,
      orgId: report.leagueOrgId,
      summary: `${ACTION_LABEL[input.decision]}举报：${what}${input.reason ? `，${input.reason}` : ''}`,
    });
    // A dismissal leaves the content alone; hiding content already hidden keeps the first mark.
    let hidden = current;
    const changes = (input.decision === 'hide' && !current) || input.decision === 'restore';
    if (changes) {
      hidden = input.decision === 'hide' ? { by: caller._id, at: now, reason: input.reason, reportId: report._id } : null;
      await txUpdate(tx, collection, report.targetId, { hidden: hidden ? ctx.db.command.set(hidden) : null });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'report',
        action: input.decision,
        target: `${collection}/${report.targetId}`,
        orgId: report.leagueOrgId,
        // The team sees its own content hidden or restored; the reports themselves stay the organizers'.
        teamId: target.teamId ?? undefined,
        summary: `${input.decision === 'hide' ? '隐藏' : '恢复显示'}${what}：${input.reason}`,
      });
    }
    const decidedReport: Report = { ...fresh, status, decision };
    await enqueue(tx, now, reporterMessage(decidedReport, target.title, decision, now));
    if (changes && content && input.decision !== 'dismiss') {
      const author = { ...decidedReport, authorId: authorOf(report.targetKind, content as Record<string, unknown>, report.authorId) };
      await enqueue(tx, now, authorMessage(author, target.title, target.page, { action: input.decision, reason: input.reason }, now));
    }
    return { report: decidedReport, hidden };
  });
  const after: TargetInfo = { ...target, hidden: decided.hidden };
  return reportCard(decided.report, new Map([[key, after]]), users);
}

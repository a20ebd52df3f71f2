/** 投诉/举报: anyone signed in reports someone else's content, once per request and once while a report is open. */
import { AppError } from '../../../core/errors';
import { REPORT_REASON_LABELS, REPORT_TARGET_LABELS } from '../../../core/report-rules';
import type { Report } from '../../../core/types';
import type { ReportReceipt } from '../../../core/views';
import { findById, txFind, txSet } from '../../db/collections';
import { find } from '../../db/query';
import { audit } from '../../runtime/audit';
import { early } from '../../runtime/early';
import type { HandlerArgs } from '../../runtime/function';
import { ownerOf } from './target';

const receipt = (report: Report): ReportReceipt => ({ id: report._id, status: report.status });

export async function submitReport({ ctx, caller, input }: HandlerArgs<'report', 'submit'>): Promise<ReportReceipt> {
  const reportId = `rp-${input.requestId}`;
  // Who handles it is read alongside the checks for a repeat, and only awaited once none is found.
  const owner = early(ownerOf(ctx, input.targetKind, input.targetId));
  const [existing, open] = await Promise.all([
    findById(ctx.db, 'reports', reportId),
    find(
      ctx.db,
      'reports',
      { reporterId: caller._id, targetKind: input.targetKind, targetId: input.targetId, status: 'open' },
      { limit: 1 },
    ),
  ]);
  if (existing) {
    if (existing.reporterId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
    return receipt(existing);
  }
  // One open report per person per content: a second one answers the one still waiting.
  if (open[0]) return receipt(open[0]);
  const { authorId, leagueOrgId } = await owner;
  if (authorId === caller._id) throw new AppError('STATE_CONFLICT', '不能举报自己的内容');
  const report: Report = {
    _id: reportId,
    targetKind: input.targetKind,
    targetId: input.targetId,
    leagueOrgId,
    authorId,
    reporterId: caller._id,
    reason: input.reason,
    note: input.note,
    status: 'open',
    requestId: input.requestId,
    createdAt: ctx.now(),
    decision: null,
  };
  const written = await ctx.db.runTransaction(async (tx): Promise<Report> => {
    const again = await txFind(tx, 'reports', reportId);
    if (again) return again;
    await txSet(tx, 'reports', report);
    await audit(tx, {
      at: report.createdAt,
      actor: caller._id,
      fn: 'report',
      action: 'submit',
      target: `reports/${reportId}`,
      orgId: report.leagueOrgId,
      summary: `举报${REPORT_TARGET_LABELS[report.targetKind]} ${report.targetId}（${REPORT_REASON_LABELS[report.reason]}）`,
    });
    return report;
  });
  if (written.reporterId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
  return receipt(written);
}

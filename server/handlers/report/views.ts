/** Reports shaped for the organizer's screen, from records already read. */
import type { Report, User } from '../../../core/types';
import type { ReportCard } from '../../../core/views';
import { displayName } from '../../runtime/users';
import { GONE, targetKey, type TargetInfo } from './target';

export function reportCard(report: Report, targets: Map<string, TargetInfo>, users: Map<string, User>): ReportCard {
  const target = targets.get(targetKey(report.targetKind, report.targetId)) ?? GONE;
  return {
    id: report._id,
    targetKind: report.targetKind,
    targetId: report.targetId,
    targetTitle: target.title,
    targetPage: target.page,
    reason: report.reason,
    note: report.note,
    reporterName: displayName(users.get(report.reporterId)),
    status: report.status,
    createdAt: report.createdAt,
    contentHidden: target.hidden !== null,
    decision: report.decision
      ? {
          action: report.decision.action,
          reason: report.decision.reason,
          at: report.decision.at,
          byName: displayName(users.get(report.decision.by)),
        }
      : null,
  };
}

/** The people a page of reports names: reporters and deciders. */
export function peopleOf(reports: Report[]): string[] {
  return reports.flatMap((report) => [report.reporterId, report.decision?.by ?? '']);
}

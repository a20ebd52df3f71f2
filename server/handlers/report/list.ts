/** The organizer's reports: those about content under the league orgs they manage, open or closed, newest first. */
import { REPORTS_PAGE_SIZE } from '../../../core/report-rules';
import type { ReportPage } from '../../../core/views';
import { find } from '../../db/query';
import type { HandlerArgs } from '../../runtime/function';
import { usersById } from '../../runtime/lookups';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { readTargets } from './target';
import { peopleOf, reportCard } from './views';

export async function listReports({ ctx, caller, input }: HandlerArgs<'report', 'list'>): Promise<ReportPage> {
  const _ = ctx.db.command;
  // The org tree came with the access check: no round trip here.
  const managed = [...managedLeagueOrgIds(await loadOrgs(ctx), caller)];
  const where: object[] = [{ leagueOrgId: _.in(managed), status: input.status === 'open' ? 'open' : _.in(['hidden', 'dismissed']) }];
  if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc'));
  const reports = await find(ctx.db, 'reports', _.and(where), {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: REPORTS_PAGE_SIZE,
  });
  const [targets, users] = await Promise.all([readTargets(ctx, reports), usersById(ctx, peopleOf(reports), [caller])]);
  return {
    items: reports.map((report) => reportCard(report, targets, users)),
    nextCursor: nextCursorOf(reports, REPORTS_PAGE_SIZE, (report) => report.createdAt),
  };
}

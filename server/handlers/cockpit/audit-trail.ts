/**
 * 操作记录: the audit entries of an org's objects (its organizers; the org and every league org
 * below it) or of one team's (its leader, or an organizer over it), newest first, a page at a time,
 * filtered by object, actor, action and Shanghai days. Each row names its actor, says the action in
 * words and links to what it changed.
 */
import { auditActionLabel } from '../../../core/audit-labels';
import { AppError } from '../../../core/errors';
import { DAY_MS, shanghaiDayEnd } from '../../../core/time';
import type { AuditEntry } from '../../../core/types';
import type { AuditPage, AuditRow } from '../../../core/views';
import type { ActionParsed } from '../../../core/api';
import { find } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { usersById } from '../../runtime/lookups';
import { leagueSubtree } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { targetUrl, type TrailOf } from './audit-targets';

export const AUDIT_PAGE_SIZE = 20;

/**
 * A person's own activity (a progress log, a sign-in, a notice read): on record, but not a trail
 * to browse — tallied by person it would be the activity ranking the rules against formalism forbid.
 */
const PERSONAL = new Set(['progress.log', 'progress.signIn', 'progress.requestMakeup', 'notice.read', 'notice.ack']);
/** What a leader's team trail also leaves out: what only organizers or party orgs see on the pages. */
const ORGANIZERS_ONLY = new Set(['progress.reviewMakeup', 'contact.chooseTeams', 'contact.dropTeam', 'report.submit', 'report.decide']);
const ORGANIZERS_ONLY_FNS = new Set(['feedback']);

function shown(entry: AuditEntry, organizer: boolean): boolean {
  const op = `${entry.fn}.${entry.action}`;
  if (PERSONAL.has(op)) return false;
  return organizer || !(ORGANIZERS_ONLY.has(op) || ORGANIZERS_ONLY_FNS.has(entry.fn));
}
const SYSTEM = 'system';

type Filters = Omit<ActionParsed<'cockpit', 'teamAudit'>, 'teamId'>;
type Stored = AuditEntry & { _id: string };

/** The filters as conditions; dates are whole Shanghai days, both ends included. */
function filtersOf(ctx: Ctx, filters: Filters): object[] {
  const _ = ctx.db.command;
  if (filters.from && filters.to && filters.from > filters.to) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期');
  const where: object[] = [];
  if (filters.target) where.push({ target: filters.target });
  if (filters.actor) where.push({ actor: filters.actor });
  if (filters.op) {
    const [fn, action] = filters.op.split('.');
    where.push({ fn, action });
  }
  const from = filters.from ? shanghaiDayEnd(filters.from) - DAY_MS + 1 : null;
  const to = filters.to ? shanghaiDayEnd(filters.to) : null;
  if (from !== null && to !== null) where.push({ at: _.gte(from).and(_.lte(to)) });
  else if (from !== null) where.push({ at: _.gte(from) });
  else if (to !== null) where.push({ at: _.lte(to) });
  if (filters.cursor) where.push(afterCursor(_, 'at', filters.cursor, 'desc'));
  return where;
}

function rowOf(entry: Stored, names: Map<string, string>, trail: TrailOf): AuditRow {
  return {
    id: entry._id,
    at: entry.at,
    actorId: entry.actor,
    actorName: entry.actor === SYSTEM ? '系统' : (names.get(entry.actor) ?? displayName(null)),
    fn: entry.fn,
    action: entry.action,
    actionLabel: auditActionLabel(entry.fn, entry.action),
    target: entry.target,
    targetUrl: targetUrl(entry, trail),
    summary: entry.summary,
  };
}

async function trailPage(ctx: Ctx, scope: object, filters: Filters, trail: TrailOf, organizer: boolean): Promise<AuditPage> {
  const entries = (await find(ctx.db, 'audit', ctx.db.command.and([scope, ...filtersOf(ctx, filters)]), {
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    limit: AUDIT_PAGE_SIZE,
  })) as Stored[];
  const people = await usersById(
    ctx,
    entries.map((entry) => entry.actor).filter((actor) => actor !== SYSTEM),
  );
  const names = new Map([...people].map(([id, user]) => [id, displayName(user)]));
  return {
    // Left-out entries still advance the cursor: a page may hold fewer rows, the next one continues.
    items: entries.filter((entry) => shown(entry, organizer)).map((entry) => rowOf(entry, names, trail)),
    nextCursor: nextCursorOf(entries, AUDIT_PAGE_SIZE, (entry) => entry.at),
  };
}

export const orgAudit: Handler<'cockpit', 'orgAudit'> = async ({ ctx, input, org, orgs }) => {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '操作记录按团组织查看，请选择一个团组织');
  const { orgId: _orgId, ...filters } = input;
  const subtree = [...leagueSubtree(orgs, [org._id])];
  return trailPage(ctx, { orgId: ctx.db.command.in(subtree) }, filters, 'org', true);
};

export const teamAudit: Handler<'cockpit', 'teamAudit'> = async ({ ctx, input, team, organizer }) => {
  const { teamId: _teamId, ...filters } = input;
  return trailPage(ctx, { teamId: team._id }, filters, 'team', organizer);
};

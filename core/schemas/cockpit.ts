import * as v from 'valibot';
import { EXPORT_TABLES } from '../cockpit-rules';
import { cursor, day, id, input } from './common';

export const dashboardInput = input({ orgId: id('组织编号') });

/** Filters of a trail, all optional; dates are Shanghai days, both ends included. */
const auditFilters = {
  /** `collection/id` of one object, e.g. `teams/team-demo-chip`. */
  target: v.optional(v.pipe(v.string('对象须为文字'), v.regex(/^[a-zA-Z]{2,30}\/[A-Za-z0-9_-]{1,80}$/, '对象格式不正确'))),
  actor: v.optional(id('操作人')),
  /**
   * One action as `fn.action` (e.g. `team.review`): names repeat across functions (publish a
   * challenge, publish a notice). Not `action`: that key of a call names the action called.
   */
  op: v.optional(v.pipe(v.string('操作须为文字'), v.regex(/^[a-zA-Z]{2,20}\.[a-zA-Z]{2,40}$/, '操作格式不正确'))),
  from: v.optional(day('开始日期')),
  to: v.optional(day('结束日期')),
  cursor,
};

/** An org's trail (organizers). */
export const orgAuditInput = input({ orgId: id('组织编号'), ...auditFilters });

/** A team's trail (its leader, or an organizer over it). */
export const teamAuditInput = input({ teamId: id('队伍编号'), ...auditFilters });

export const exportInput = input({
  orgId: id('组织编号'),
  table: v.picklist(EXPORT_TABLES, '请选择要导出的表'),
  /** For attendance: one event, or every event of the org when absent. */
  eventId: v.optional(id('活动编号')),
});

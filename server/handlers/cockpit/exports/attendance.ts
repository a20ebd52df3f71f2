/**
 * 活动出勤: one row per person per event — 现场签到, 补签, 未签到 until the event ends and 缺席
 * after — exactly as the event's attendance page works it out (event/views.ts).
 */
import { AppError } from '../../../../core/errors';
import { ATTENDANCE_LABELS } from '../../../../core/progress-rules';
import type { Checkin, Member, TeamEvent } from '../../../../core/types';
import { findById } from '../../../db/collections';
import { fieldsByIds, findAll } from '../../../db/query';
import type { Ctx } from '../../../runtime/context';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { attendanceOf } from '../../event/views';
import { idGroups, readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { moment, type Cell, type SheetSpec } from './sheet';

/** The one event asked for (run by the org or one beneath it), or every event of the org's subtree, newest first. */
async function eventsOf(ctx: Ctx, scope: ExportScope, eventId: string | undefined): Promise<TeamEvent[]> {
  if (!eventId) {
    const events = await readSorted(ctx.db, 'events', { leagueOrgId: ctx.db.command.in(scope.leagueIds) }, 'startAt', 'desc');
    requireWithinCap(events.length, '活动', '请选择单个活动导出');
    return events;
  }
  const event = await findById(ctx.db, 'events', eventId);
  if (!event) throw new AppError('NOT_FOUND', '找不到这个活动，可能已被删除');
  if (!scope.leagueIds.includes(event.leagueOrgId)) {
    throw new AppError('INVALID_INPUT', '这个活动不是该组织或其下级组织主办的，请从主办组织导出');
  }
  return [event];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

async function readAll<T>(groups: string[][], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(groups.map(read))).flat();
}

export const attendanceExport: ExportBuilder = async (ctx, scope, input) => {
  const _ = ctx.db.command;
  const events = await eventsOf(ctx, scope, input.eventId);
  const teamIds = events.flatMap((event) => event.teamIds);
  const [checkins, members, teams] = await Promise.all([
    readAll<Checkin>(idGroups(events.map((event) => event._id)), (ids) => findAll(ctx.db, 'eventCheckins', { eventId: _.in(ids) })),
    readAll<Member>(idGroups(teamIds), (ids) => findAll(ctx.db, 'members', { teamId: _.in(ids) })),
    fieldsByIds(ctx.db, 'teams', teamIds, ['name']),
  ]);
  const teamNames = new Map(teams.map((team) => [team._id, team.name]));
  const onTeam = groupBy(members, (member) => member.teamId);
  const atEvent = groupBy(checkins, (checkin) => checkin.eventId);
  // Each event's people: the members of its teams now, and anyone who signed in and has since left.
  const perEvent = events.map((event) => ({
    event,
    members: event.teamIds.flatMap((teamId) => onTeam.get(teamId) ?? []),
    checkins: atEvent.get(event._id) ?? [],
  }));
  const rows = perEvent.reduce((sum, part) => sum + new Set([...part.members, ...part.checkins].map((one) => one.userId)).size, 0);
  requireWithinCap(rows, '活动出勤记录', input.eventId ? '请在活动页面查看签到情况' : '请选择单个活动导出');
  return {
    rows,
    subject: input.eventId ? events[0].title : undefined,
    finish: async () => {
      const users = await usersById(ctx, [...members.map((member) => member.userId), ...checkins.map((checkin) => checkin.userId)]);
      const lines: Cell[][] = perEvent.flatMap(({ event, members: own, checkins: signed }) =>
        attendanceOf(event, own, signed, users, teamNames, scope.now).rows.map((row) => [
          event.title,
          moment(event.startAt),
          orgName(scope.orgs, event.leagueOrgId),
          row.name,
          row.teamName,
          ATTENDANCE_LABELS[row.status],
          moment(row.at),
          row.method,
          row.makeupReason,
          row.reviewNote,
        ]),
      );
      return [sheetOf(lines)];
    },
  };
};

function sheetOf(rows: Cell[][]): SheetSpec {
  return {
    name: '活动出勤',
    empty: '没有可列出的活动出勤',
    columns: [
      { header: '活动', width: 30 },
      { header: '活动开始时间', width: 17, kind: 'moment' },
      { header: '主办组织', width: 22 },
      { header: '姓名', width: 12 },
      { header: '队伍', width: 30 },
      { header: '签到情况', width: 12 },
      { header: '签到时间', width: 17, kind: 'moment' },
      { header: '签到方式', width: 12 },
      { header: '补签原因', width: 30 },
      { header: '补签审核意见', width: 30 },
    ],
    rows,
  };
}

/**
 * 直接联系台账: a 联系记录 sheet (one row per opinion collected, a record without opinions on a row
 * of its own, each opinion with its follow-up state) and a 联系队伍 sheet (the teams chosen per cycle).
 */
import { CONTACT_KIND_LABELS, OPINION_STATE_LABELS } from '../../../../core/contact-rules';
import type { ContactRecord, ContactTeam, Opinion, Team, User } from '../../../../core/types';
import { fieldsByIds } from '../../../db/query';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { displayName } from '../../../runtime/users';
import { readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { calendarDay, dayOf, moment, type Cell, type SheetSpec } from './sheet';

type Names = { teams: Map<string, Pick<Team, '_id' | 'name' | 'leagueOrgId'>>; people: Map<string, User> };
const TOO_MANY = '请选择下级组织分别导出';

const byOrgCycle = (scope: ExportScope) => (a: { orgId: string; cycle: string }, b: { orgId: string; cycle: string }) =>
  orgName(scope.orgs, a.orgId).localeCompare(orgName(scope.orgs, b.orgId), 'zh') || b.cycle.localeCompare(a.cycle);

function recordSheet(scope: ExportScope, records: ContactRecord[], opinions: Opinion[], names: Names): SheetSpec {
  const asked = new Map<string, Opinion[]>();
  for (const opinion of opinions) asked.set(opinion.recordId, [...(asked.get(opinion.recordId) ?? []), opinion]);
  const sorted = [...records].sort((a, b) => byOrgCycle(scope)(a, b) || b.day.localeCompare(a.day) || a._id.localeCompare(b._id));
  const rows = sorted.flatMap((record) => {
    const head: Cell[] = [
      orgName(scope.orgs, record.orgId),
      record.cycle,
      names.teams.get(record.teamId)?.name ?? '',
      CONTACT_KIND_LABELS[record.kind],
      calendarDay(record.day),
      record.participants,
      record.notes,
      displayName(names.people.get(record.createdBy)),
    ];
    const own = (asked.get(record._id) ?? []).sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id));
    if (!own.length) return [[...head, '', '', '', '', null]];
    return own.map((opinion) => [
      ...head,
      opinion.text,
      OPINION_STATE_LABELS[opinion.state],
      opinion.ownerId ? displayName(names.people.get(opinion.ownerId)) : '',
      opinion.reply,
      moment(opinion.updatedAt),
    ]);
  });
  return {
    name: '联系记录',
    empty: '还没有直接联系记录',
    columns: [
      { header: '联系组织', width: 22 },
      { header: '周期（起始年）', width: 14 },
      { header: '队伍', width: 30 },
      { header: '联系方式', width: 14 },
      { header: '日期', width: 12, kind: 'day' },
      { header: '参加人员', width: 24 },
      { header: '情况记录', width: 40 },
      { header: '记录人', width: 10 },
      { header: '意见建议', width: 40 },
      { header: '跟进状态', width: 10 },
      { header: '负责人', width: 10 },
      { header: '答复', width: 36 },
      { header: '跟进更新时间', width: 17, kind: 'moment' },
    ],
    rows,
  };
}

function teamSheet(scope: ExportScope, chosen: ContactTeam[], names: Names): SheetSpec {
  const sorted = [...chosen].sort(
    (a, b) =>
      byOrgCycle(scope)(a, b) ||
      (names.teams.get(a.teamId)?.name ?? '').localeCompare(names.teams.get(b.teamId)?.name ?? '', 'zh') ||
      a._id.localeCompare(b._id),
  );
  return {
    name: '联系队伍',
    empty: '还没有选定直接联系的队伍',
    columns: [
      { header: '联系组织', width: 22 },
      { header: '周期（起始年）', width: 14 },
      { header: '队伍', width: 30 },
      { header: '队伍所属团组织', width: 22 },
      { header: '选定日期', width: 12, kind: 'day' },
      { header: '最近联系日期', width: 14, kind: 'day' },
      { header: '联系次数', width: 10, kind: 'number' },
      { header: '状态', width: 10 },
      { header: '移出原因', width: 30 },
    ],
    rows: sorted.map((team) => [
      orgName(scope.orgs, team.orgId),
      team.cycle,
      names.teams.get(team.teamId)?.name ?? '',
      orgName(scope.orgs, names.teams.get(team.teamId)?.leagueOrgId),
      dayOf(team.chosenAt),
      calendarDay(team.lastContactDay),
      team.records,
      team.droppedAt ? '已移出' : '联系中',
      team.dropReason,
    ]),
  };
}

export const ledgerExport: ExportBuilder = async (ctx, scope) => {
  const where = { orgId: ctx.db.command.in(scope.leagueIds) };
  const [records, opinions, chosen] = await Promise.all([
    readSorted(ctx.db, 'contactRecords', where, 'cycle', 'asc'),
    readSorted(ctx.db, 'opinions', where, 'cycle', 'asc'),
    readSorted(ctx.db, 'contactTeams', where, 'cycle', 'asc'),
  ]);
  // A row per opinion, and one for a record without any.
  const perRecord = new Map<string, number>();
  for (const opinion of opinions) perRecord.set(opinion.recordId, (perRecord.get(opinion.recordId) ?? 0) + 1);
  const recordRows = records.reduce((sum, record) => sum + Math.max(1, perRecord.get(record._id) ?? 0), 0);
  requireWithinCap(recordRows, '直接联系记录', TOO_MANY);
  requireWithinCap(chosen.length, '直接联系的队伍', TOO_MANY);
  return {
    rows: recordRows + chosen.length,
    finish: async () => {
      const [teams, people] = await Promise.all([
        fieldsByIds(
          ctx.db,
          'teams',
          [...records, ...chosen].map((one) => one.teamId),
          ['name', 'leagueOrgId'],
        ),
        usersById(ctx, [
          ...records.map((record) => record.createdBy),
          ...opinions.flatMap((opinion) => (opinion.ownerId ? [opinion.ownerId] : [])),
        ]),
      ]);
      const names: Names = { teams: new Map(teams.map((team) => [team._id, team])), people };
      return [recordSheet(scope, records, opinions, names), teamSheet(scope, chosen, names)];
    },
  };
};

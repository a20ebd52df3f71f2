/**
 * 队伍与成员: a 队伍 sheet (one row per team) and a 成员 sheet (one row per member). Members, and
 * their phones, appear exactly as the team's page shows them to this organizer (team/views.ts).
 */
import { isRefreshDue, TEAM_STATUS_LABELS } from '../../../../core/team-rules';
import type { Member, Team, User } from '../../../../core/types';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { displayName } from '../../../runtime/users';
import { viewerOf } from '../../team/detail';
import { memberView } from '../../team/views';
import { membersOf, readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { dayOf, yesNo, type SheetSpec } from './sheet';

const ROLE_LABELS: Record<Member['role'], string> = { leader: '队长', member: '队员' };
const TOO_MANY = '请选择下级组织分别导出';

/** Whether the organizer sees the team's members on its page: the same rule, from the same function. */
function seesMembers(scope: ExportScope, team: Team): boolean {
  const { viewer } = viewerOf(scope.caller, team, null, scope.orgs);
  return viewer.isMember || viewer.isOrganizer;
}

function teamSheet(scope: ExportScope, teams: Team[], people: Map<string, User>): SheetSpec {
  return {
    name: '队伍',
    empty: '该组织及下级组织还没有队伍',
    columns: [
      { header: '队伍名称', width: 30 },
      { header: '领域', width: 12 },
      { header: '状态', width: 8 },
      { header: '所属团组织', width: 22 },
      { header: '所在单位', width: 24 },
      { header: '党组织', width: 22 },
      { header: '跨单位', width: 8 },
      { header: '队长', width: 10 },
      { header: '成员数', width: 8, kind: 'number' },
      { header: '申请日期', width: 12, kind: 'day' },
      { header: '备案日期', width: 12, kind: 'day' },
      { header: '最近更新备案', width: 14, kind: 'day' },
      { header: '备案逾期未更新', width: 14 },
    ],
    rows: teams.map((team) => [
      team.name,
      team.field,
      TEAM_STATUS_LABELS[team.status],
      orgName(scope.orgs, team.leagueOrgId),
      team.unitName,
      orgName(scope.orgs, team.partyOrgId),
      yesNo(team.crossUnit),
      displayName(people.get(team.leaderId)),
      team.memberCount,
      dayOf(team.appliedAt),
      dayOf(team.registeredAt),
      dayOf(team.refreshedAt),
      yesNo(isRefreshDue(team, scope.now)),
    ]),
  };
}

function memberSheet(scope: ExportScope, teams: Team[], members: Member[], people: Map<string, User>): SheetSpec {
  const order = new Map(teams.map((team, at) => [team._id, at]));
  const byTeam = new Map(teams.map((team) => [team._id, team]));
  const sorted = [...members].sort(
    (a, b) =>
      (order.get(a.teamId) ?? 0) - (order.get(b.teamId) ?? 0) ||
      Number(b.role === 'leader') - Number(a.role === 'leader') ||
      a.joinedAt - b.joinedAt ||
      a._id.localeCompare(b._id),
  );
  return {
    name: '成员',
    empty: '没有可列出的成员',
    columns: [
      { header: '队伍名称', width: 30 },
      { header: '所属团组织', width: 22 },
      { header: '姓名', width: 12 },
      { header: '角色', width: 8 },
      { header: '原单位', width: 24 },
      { header: '原党组织', width: 22 },
      { header: '手机号', width: 14 },
      { header: '加入日期', width: 12, kind: 'day' },
    ],
    rows: sorted.map((member) => {
      const team = byTeam.get(member.teamId);
      const shown = memberView(member, people.get(member.userId), scope.orgs);
      return [
        team?.name ?? '',
        orgName(scope.orgs, team?.leagueOrgId),
        shown.name,
        ROLE_LABELS[member.role],
        shown.homeUnit,
        shown.homePartyOrgName,
        shown.phone,
        dayOf(shown.joinedAt),
      ];
    }),
  };
}

const byOrgThenName = (scope: ExportScope) => (a: Team, b: Team) =>
  orgName(scope.orgs, a.leagueOrgId).localeCompare(orgName(scope.orgs, b.leagueOrgId), 'zh') ||
  a.name.localeCompare(b.name, 'zh') ||
  a._id.localeCompare(b._id);

export const teamsExport: ExportBuilder = async (ctx, scope) => {
  const teams = (await readSorted(ctx.db, 'teams', { leagueOrgId: ctx.db.command.in(scope.leagueIds) }, '_id', 'asc')).sort(
    byOrgThenName(scope),
  );
  requireWithinCap(teams.length, '队伍', TOO_MANY);
  const shown = teams.filter((team) => seesMembers(scope, team));
  // The counts kept on the teams tell the size before the members are read.
  requireWithinCap(
    shown.reduce((sum, team) => sum + team.memberCount, 0),
    '队伍成员',
    TOO_MANY,
  );
  const members = await membersOf(ctx.db, shown);
  requireWithinCap(members.length, '队伍成员', TOO_MANY);
  return {
    rows: teams.length + members.length,
    finish: async () => {
      const people = await usersById(ctx, [...teams.map((team) => team.leaderId), ...members.map((member) => member.userId)]);
      return [teamSheet(scope, teams, people), memberSheet(scope, teams, members, people)];
    },
  };
};

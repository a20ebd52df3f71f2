/** 已确认的成果: only what someone outside the team confirmed, with who (and for which org) and when. */
import { ACHIEVEMENT_TYPE_LABELS } from '../../../../core/achievement-rules';
import { EVIDENCE_LABELS } from '../../../../core/evidence';
import type { Achievement, User } from '../../../../core/types';
import { fieldsByIds } from '../../../db/query';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { displayName } from '../../../runtime/users';
import { actingLeagueOrgId } from '../../feedback/records';
import { readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { moment, yesNo, type SheetSpec } from './sheet';

/** The org the confirmer acted for (their own organizer role over the team), else their unit, as a letter names it. */
function confirmerOrg(scope: ExportScope, achievement: Achievement, confirmer: User | undefined): string {
  if (!confirmer) return '';
  const acting = actingLeagueOrgId(scope.orgs, confirmer, achievement.leagueOrgId);
  return acting ? orgName(scope.orgs, acting) : confirmer.unitName;
}

function sheetOf(scope: ExportScope, achievements: Achievement[], people: Map<string, User>, titles: Map<string, string>): SheetSpec {
  return {
    name: '已确认成果',
    empty: '该组织及下级组织还没有已确认的成果',
    columns: [
      { header: '成果名称', width: 36 },
      { header: '类型', width: 10 },
      { header: '队伍', width: 30 },
      { header: '所属团组织', width: 22 },
      { header: '领域', width: 12 },
      { header: '凭证类型', width: 12 },
      { header: '凭证编号', width: 26 },
      { header: '完成人', width: 24 },
      { header: '关联榜单', width: 30 },
      { header: '确认人', width: 10 },
      { header: '确认人所在组织', width: 22 },
      { header: '确认时间', width: 17, kind: 'moment' },
      { header: '典型案例', width: 10 },
      { header: '已隐藏（举报处理）', width: 24 },
    ],
    rows: achievements.map((achievement) => {
      const confirmer = achievement.confirmation ? people.get(achievement.confirmation.by) : undefined;
      return [
        achievement.title,
        ACHIEVEMENT_TYPE_LABELS[achievement.type],
        achievement.teamName,
        orgName(scope.orgs, achievement.leagueOrgId),
        achievement.field,
        EVIDENCE_LABELS[achievement.evidence.kind],
        achievement.evidence.ref,
        achievement.contributorIds.map((id) => displayName(people.get(id))).join('、'),
        achievement.challengeId ? (titles.get(achievement.challengeId) ?? '') : '',
        achievement.confirmation ? displayName(confirmer) : '',
        confirmerOrg(scope, achievement, confirmer),
        moment(achievement.confirmation?.at),
        yesNo(achievement.featured),
        // Hidden after a report: kept on record (and here, for its organizers), with the reason.
        achievement.hidden ? `已隐藏：${achievement.hidden.reason}` : '',
      ];
    }),
  };
}

export const achievementsExport: ExportBuilder = async (ctx, scope) => {
  const _ = ctx.db.command;
  // (status, leagueOrgId, submittedAt, _id) is the organizer's review queue's index; a confirmed one was submitted.
  const achievements = await readSorted(
    ctx.db,
    'achievements',
    { status: 'confirmed', leagueOrgId: _.in(scope.leagueIds) },
    'submittedAt',
    'asc',
  );
  requireWithinCap(achievements.length, '已确认的成果', '请选择下级组织分别导出');
  achievements.sort((a, b) => b.confirmedAt - a.confirmedAt || a._id.localeCompare(b._id));
  return {
    rows: achievements.length,
    finish: async () => {
      const [people, challenges] = await Promise.all([
        usersById(ctx, [
          ...achievements.flatMap((achievement) => achievement.contributorIds),
          ...achievements.flatMap((achievement) => (achievement.confirmation ? [achievement.confirmation.by] : [])),
        ]),
        fieldsByIds(
          ctx.db,
          'challenges',
          achievements.flatMap((achievement) => (achievement.challengeId ? [achievement.challengeId] : [])),
          ['title'],
        ),
      ]);
      return [sheetOf(scope, achievements, people, new Map(challenges.map((challenge) => [challenge._id, challenge.title])))];
    },
  };
};

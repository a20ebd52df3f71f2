/**
 * What a report is about: the content's author and the league org whose organizers handle it (when
 * a report is made), and the line, page and hidden mark an organizer sees (when reports are listed
 * or decided), read for many reports at once.
 */
import { AppError } from '../../../core/errors';
import type { ReportTargetKind } from '../../../core/report-rules';
import { excerpt } from '../../../core/text';
import type { HiddenMark, Member, Report } from '../../../core/types';
import { findById } from '../../db/collections';
import { byIds, find, fieldsByIds } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { loadOrgs } from '../../runtime/orgs';
import { achievementPage } from '../achievement/messages';
import { noticePage } from '../notice/delivery';
import { teamPage } from '../team/messages';

/** Where each kind of content is stored. */
export const TARGET_COLLECTION = {
  achievement: 'achievements',
  progress: 'progress',
  notice: 'notices',
  team: 'teams',
  user: 'users',
} as const satisfies Record<ReportTargetKind, string>;

export const timelinePage = (teamId: string) => `packages/progress/timeline/index?teamId=${teamId}`;

const MISSING: Record<ReportTargetKind, string> = {
  achievement: '找不到这项成果，可能已被删除',
  progress: '找不到这条进展记录，可能已被删除',
  notice: '找不到这条通知，可能已被删除',
  team: '找不到这支突击队，可能已被删除',
  user: '找不到这位用户',
};

/** Who a report concerns and who handles it. */
export type Owner = { authorId: string; leagueOrgId: string };

/** The league org of a user's first team (by when they joined), read with the team. */
async function firstTeamOrg(ctx: Ctx, memberships: Member[]): Promise<string | null> {
  const first = [...memberships].sort((a, b) => a.joinedAt - b.joinedAt || a._id.localeCompare(b._id))[0];
  if (!first) return null;
  const [team] = await fieldsByIds(ctx.db, 'teams', [first.teamId], ['leagueOrgId']);
  return team?.leagueOrgId ?? null;
}

/** A person is handled by the org of their first team, else by the root league org. */
async function userOwner(ctx: Ctx, userId: string): Promise<Owner> {
  const [user, memberships, orgs] = await Promise.all([
    findById(ctx.db, 'users', userId),
    find(ctx.db, 'members', { userId }),
    loadOrgs(ctx),
  ]);
  if (!user) throw new AppError('NOT_FOUND', MISSING.user);
  const root = orgs.find((org) => org.kind === 'league' && !org.parentId)?._id ?? '';
  return { authorId: user._id, leagueOrgId: (await firstTeamOrg(ctx, memberships)) ?? root };
}

/** The content's author and the league org handling reports of it; NOT_FOUND when it does not exist. */
export async function ownerOf(ctx: Ctx, kind: ReportTargetKind, id: string): Promise<Owner> {
  const missing = () => new AppError('NOT_FOUND', MISSING[kind]);
  switch (kind) {
    case 'achievement': {
      const achievement = await findById(ctx.db, 'achievements', id);
      if (!achievement) throw missing();
      return { authorId: achievement.authorId, leagueOrgId: achievement.leagueOrgId };
    }
    case 'progress': {
      const log = await findById(ctx.db, 'progress', id);
      if (!log) throw missing();
      const [team] = await fieldsByIds(ctx.db, 'teams', [log.teamId], ['leagueOrgId']);
      if (!team) throw missing();
      return { authorId: log.userId, leagueOrgId: team.leagueOrgId };
    }
    case 'notice': {
      const notice = await findById(ctx.db, 'notices', id);
      if (!notice) throw missing();
      return { authorId: notice.authorId, leagueOrgId: notice.leagueOrgId };
    }
    case 'team': {
      const team = await findById(ctx.db, 'teams', id);
      if (!team) throw missing();
      return { authorId: team.leaderId, leagueOrgId: team.leagueOrgId };
    }
    case 'user':
      return userOwner(ctx, id);
  }
}

/** What an organizer sees of reported content. */
export type TargetInfo = {
  /** A line to recognise it by: title, name or an excerpt. */
  title: string;
  /** The page that shows it ('' when there is none). */
  page: string;
  hidden: HiddenMark | null;
  /** The team the content belongs to, if any: a team member may not decide on it (principle 2). */
  teamId: string | null;
};

export const targetKey = (kind: ReportTargetKind, id: string) => `${kind}:${id}`;

type TargetRef = Pick<Report, 'targetKind' | 'targetId'>;

/** Content no longer there (a deleted draft, an erased account) is still listed, under this line. */
export const GONE: TargetInfo = { title: '（内容已不存在）', page: '', hidden: null, teamId: null };

/** Everything the reports name, of every kind, in one round of reads. */
export async function readTargets(ctx: Ctx, reports: TargetRef[]): Promise<Map<string, TargetInfo>> {
  const ids = (kind: ReportTargetKind) => reports.filter((report) => report.targetKind === kind).map((report) => report.targetId);
  const userIds = ids('user');
  const [achievements, logs, notices, teams, users, memberships] = await Promise.all([
    byIds(ctx.db, 'achievements', ids('achievement')),
    byIds(ctx.db, 'progress', ids('progress')),
    byIds(ctx.db, 'notices', ids('notice')),
    byIds(ctx.db, 'teams', ids('team')),
    byIds(ctx.db, 'users', userIds),
    userIds.length ? find(ctx.db, 'members', { userId: userIds.length === 1 ? userIds[0] : ctx.db.command.in(userIds) }) : [],
  ]);
  const out = new Map<string, TargetInfo>();
  const put = (kind: ReportTargetKind, id: string, info: TargetInfo) => out.set(targetKey(kind, id), info);
  for (const item of achievements)
    put('achievement', item._id, { title: item.title, page: achievementPage(item._id), hidden: item.hidden ?? null, teamId: item.teamId });
  for (const log of logs) {
    const text = log.noProgress && !log.content ? '今日无进展' : log.content;
    put('progress', log._id, {
      title: `${log.day} ${excerpt(text, 30)}`,
      page: timelinePage(log.teamId),
      hidden: log.hidden ?? null,
      teamId: log.teamId,
    });
  }
  for (const notice of notices)
    put('notice', notice._id, { title: notice.title, page: noticePage(notice._id), hidden: notice.hidden ?? null, teamId: null });
  for (const team of teams)
    put('team', team._id, { title: team.name, page: teamPage(team._id), hidden: team.hidden ?? null, teamId: team._id });
  for (const user of users) {
    const first = memberships.filter((member) => member.userId === user._id).sort((a, b) => a.joinedAt - b.joinedAt)[0];
    // The organizer sees who it is: the nickname the profile hides from others is shown here.
    const title = user.realName || user.nickname || '未填写姓名';
    put('user', user._id, { title, page: first ? teamPage(first.teamId) : '', hidden: user.hidden ?? null, teamId: null });
  }
  return out;
}

/**
 * 导出我的数据: every record about the caller, with the names that make it readable. Three rounds
 * deep: the runtime's (the caller and their memberships), their records, then the names.
 */
import type { Achievement, Checkin, Member, NoticeRead, Org, ProgressLog, User } from '../../../core/types';
import type { MyDataExport } from '../../../core/views';
import { fieldsByIds, findAll } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { membershipsOf } from '../../runtime/lookups';
import { loadOrgs, orgName } from '../../runtime/orgs';

type Names = { teams: Map<string, string>; events: Map<string, string>; notices: Map<string, string> };

const byTime =
  <T>(key: (item: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b);

function profileOf(user: User, orgs: Org[]): MyDataExport['profile'] {
  return {
    id: user._id,
    nickname: user.nickname,
    avatar: user.avatar,
    realName: user.realName,
    unitName: user.unitName,
    phone: user.phone,
    roles: user.roles.map((grant) => ({ ...grant, scopeName: orgName(orgs, grant.scopeId) })),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    deletedAt: user.deletedAt ?? null,
  };
}

function membershipsView(memberships: Member[], names: Names): MyDataExport['memberships'] {
  return memberships
    .map((member) => ({
      teamId: member.teamId,
      teamName: names.teams.get(member.teamId) ?? '',
      role: member.role,
      homeUnit: member.homeUnit,
      joinedAt: member.joinedAt,
    }))
    .sort(byTime((member) => member.joinedAt));
}

function logsView(logs: ProgressLog[], names: Names): MyDataExport['progressLogs'] {
  return logs
    .map((log) => ({
      teamId: log.teamId,
      teamName: names.teams.get(log.teamId) ?? '',
      day: log.day,
      content: log.content,
      noProgress: log.noProgress,
      evidence: { ...log.evidence },
      photos: [...log.photos],
      claimId: log.claimId,
      milestoneId: log.milestoneId,
      createdAt: log.createdAt,
      updatedAt: log.updatedAt,
      edits: log.edits,
    }))
    .sort(byTime((log) => log.createdAt));
}

/** The caller's part in each achievement; the other contributors are a count, not their ids. */
function achievementsView(userId: string, achievements: Achievement[]): MyDataExport['achievements'] {
  return achievements
    .map((achievement) => ({
      id: achievement._id,
      teamName: achievement.teamName,
      as: [
        ...(achievement.authorId === userId ? (['author'] as const) : []),
        ...(achievement.contributorIds.includes(userId) ? (['contributor'] as const) : []),
      ],
      type: achievement.type,
      title: achievement.title,
      summary: achievement.summary,
      evidence: { ...achievement.evidence },
      status: achievement.status,
      contributorCount: achievement.contributorIds.length,
      createdAt: achievement.createdAt,
      submittedAt: achievement.submittedAt,
      confirmedAt: achievement.confirmation?.at ?? null,
    }))
    .sort(byTime((achievement) => achievement.createdAt));
}

/** Sign-ins as the system recorded them; who reviewed a make-up is left out (it is another person). */
function signInsView(checkins: Checkin[], names: Names): MyDataExport['signIns'] {
  return checkins
    .map((checkin) => ({
      eventId: checkin.eventId,
      eventTitle: names.events.get(checkin.eventId) ?? '',
      teamName: names.teams.get(checkin.teamId) ?? '',
      status: checkin.status,
      signedInAt: checkin.signals?.at ?? null,
      method: checkin.signals?.method ?? null,
      makeupReason: checkin.makeup?.reason ?? null,
      makeupRequestedAt: checkin.makeup?.requestedAt ?? null,
      makeupDecision: checkin.makeup?.review ? { at: checkin.makeup.review.at, reason: checkin.makeup.review.reason } : null,
    }))
    .sort(byTime((checkin) => checkin.signedInAt ?? checkin.makeupRequestedAt ?? 0));
}

function receiptsView(reads: NoticeRead[], names: Names): MyDataExport['noticeReceipts'] {
  return reads
    .map((read) => ({
      noticeId: read.noticeId,
      noticeTitle: names.notices.get(read.noticeId) ?? '',
      readAt: read.readAt,
      ackAt: read.ackAt,
      receivedAt: read.createdAt,
    }))
    .sort(byTime((read) => read.receivedAt));
}

export async function exportData(ctx: Ctx, caller: User): Promise<MyDataExport> {
  const _ = ctx.db.command;
  const mine = { userId: caller._id };
  const [memberships, orgs, logs, achievements, checkins, reads, consents] = await Promise.all([
    membershipsOf(ctx, caller._id),
    caller.roles.length ? loadOrgs(ctx) : Promise.resolve([]),
    findAll(ctx.db, 'progress', mine),
    findAll(ctx.db, 'achievements', _.or([{ authorId: caller._id }, { contributorIds: caller._id }])),
    findAll(ctx.db, 'eventCheckins', mine),
    findAll(ctx.db, 'noticeReads', mine),
    findAll(ctx.db, 'consents', mine),
  ]);
  const teamIds = [...memberships, ...logs, ...checkins].map((record) => record.teamId);
  const now = ctx.now();
  const [teams, events, notices] = await Promise.all([
    fieldsByIds(ctx.db, 'teams', teamIds, ['name']),
    fieldsByIds(
      ctx.db,
      'events',
      checkins.map((checkin) => checkin.eventId),
      ['title'],
    ),
    fieldsByIds(
      ctx.db,
      'notices',
      reads.map((read) => read.noticeId),
      ['title'],
    ),
    audit(ctx.db, {
      at: now,
      actor: caller._id,
      fn: 'user',
      action: 'exportData',
      target: `users/${caller._id}`,
      summary: '导出个人数据',
    }),
  ]);
  const names: Names = {
    teams: new Map(teams.map((team) => [team._id, team.name])),
    events: new Map(events.map((event) => [event._id, event.title])),
    notices: new Map(notices.map((notice) => [notice._id, notice.title])),
  };
  return {
    exportedAt: now,
    profile: profileOf(caller, orgs),
    memberships: membershipsView(memberships, names),
    progressLogs: logsView(logs, names),
    achievements: achievementsView(caller._id, achievements),
    signIns: signInsView(checkins, names),
    noticeReceipts: receiptsView(reads, names),
    consents: consents
      .map((consent) => ({ templateKey: consent.templateKey, count: consent.count, updatedAt: consent.updatedAt }))
      .sort((a, b) => a.templateKey.localeCompare(b.templateKey)),
  };
}

/** 进展打卡: one log per member per team per Shanghai day, edited by resubmitting, applied once per request. */
import type { ActionInput } from '../../../core/api';
import { AppError } from '../../../core/errors';
import { LOG_REQUEST_MEMORY, dayKey, daysOfMonth, logDayRefusal, weekOf } from '../../../core/progress-rules';
import { shanghaiDay } from '../../../core/time';
import type { ProgressLog, Team, User } from '../../../core/types';
import type { ClaimOption } from '../../../core/views';
import { findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData, Operand } from '../../db/types';
import { isTeamOrganizer, memberRole } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { citationsOf, logViews } from './views';
import { claimTitlesOf, teamMembers, usersById } from '../../runtime/lookups';

export const TIMELINE_PAGE_SIZE = 20;

type LogInput = ActionInput<'progress', 'log'>;

export const logIdOf = (teamId: string, userId: string, day: string) => `${teamId}_${userId}_${day}`;

function requireRegistered(team: Team): void {
  if (team.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以记录进展');
}

/** The team's claims that are being worked on, with their gates: what a log may cite. */
async function racingClaims(ctx: Ctx, teamId: string): Promise<ClaimOption[]> {
  const claims = await findMany('claims', ctx.db.collection('claims').where({ teamId, status: 'accepted' }).limit(100));
  if (!claims.length) return [];
  const _ = ctx.db.command;
  const milestones = await findMany(
    'milestones',
    ctx.db
      .collection('milestones')
      .where({ claimId: _.in(claims.map((claim) => claim._id)) })
      .orderBy('index', 'asc')
      .limit(1000),
  );
  const claimTitles = await claimTitlesOf(ctx, claims);
  return claims.map((claim) => ({
    claimId: claim._id,
    title: claimTitles.get(claim._id) ?? '',
    milestones: milestones
      .filter((milestone) => milestone.claimId === claim._id)
      .map((milestone) => ({ id: milestone._id, title: milestone.title })),
  }));
}

/**
 * A cited claim must be one the team is racing on, and a cited gate must be one of its gates. A log
 * that already cited a claim keeps it when edited, even after that claim has ended: the work was real.
 */
async function checkCitation(ctx: Ctx, teamId: string, input: LogInput, saved: ProgressLog | null): Promise<void> {
  const { claimId, milestoneId } = input;
  if (!claimId) return;
  const claim = await findById(ctx.db, 'claims', claimId);
  if (!claim || claim.teamId !== teamId) throw new AppError('INVALID_INPUT', '所选揭榜不属于本队');
  const keptCitation = saved?.claimId === claimId && (milestoneId === null || saved.milestoneId === milestoneId);
  if (claim.status !== 'accepted' && !keptCitation) throw new AppError('STATE_CONFLICT', '所选揭榜已不在攻关中，请重新选择');
  if (!milestoneId) return;
  const milestone = await findById(ctx.db, 'milestones', milestoneId);
  if (!milestone || milestone.claimId !== claimId) throw new AppError('INVALID_INPUT', '所选节点不属于这个揭榜');
}

async function teamLogs(ctx: Ctx, where: DocData | Operand, limit: number): Promise<ProgressLog[]> {
  return findMany('progress', ctx.db.collection('progress').where(where).orderBy('dayKey', 'desc').orderBy('_id', 'desc').limit(limit));
}

async function canSeeTeam(ctx: Ctx, caller: User, team: Team) {
  const role = await memberRole(ctx, team._id, caller._id);
  return { isMember: role !== null, isOrganizer: await isTeamOrganizer(ctx, caller, team) };
}

export const progressHandlers: Pick<Handlers<'progress'>, 'form' | 'log' | 'timeline' | 'calendar' | 'weekly'> = {
  form: async ({ ctx, caller, input, team }) => {
    const day = input.day ?? shanghaiDay(ctx.now());
    const log = await findById(ctx.db, 'progress', logIdOf(team._id, caller._id, day));
    return {
      teamId: team._id,
      teamName: team.name,
      day,
      log: log ? (await logViews(ctx, [log]))[0] : null,
      claims: await racingClaims(ctx, team._id),
    };
  },

  log: async ({ ctx, caller, input, team }) => {
    const current = team;
    requireRegistered(current);
    const day = input.day ?? shanghaiDay(ctx.now());
    const refusal = logDayRefusal(day, ctx.now());
    if (refusal) throw new AppError('INVALID_INPUT', refusal);
    const logId = logIdOf(current._id, caller._id, day);
    const existing = await findById(ctx.db, 'progress', logId);
    if (existing?.requestIds.includes(input.requestId)) return (await logViews(ctx, [existing]))[0];
    await checkCitation(ctx, current._id, input, existing);
    await checkText(ctx, 1, input.content, input.evidence.ref);

    const fields = {
      content: input.content,
      noProgress: input.noProgress,
      evidence: { kind: input.evidence.kind, ref: input.evidence.ref },
      photos: input.photos,
      claimId: input.claimId,
      milestoneId: input.milestoneId,
    };
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'progress', logId);
      if (fresh?.requestIds.includes(input.requestId)) return;
      const now = ctx.now();
      if (fresh) {
        await txUpdate(tx, 'progress', logId, {
          ...fields,
          evidence: ctx.db.command.set(fields.evidence),
          photos: ctx.db.command.set(fields.photos),
          requestIds: ctx.db.command.set([...fresh.requestIds, input.requestId].slice(-LOG_REQUEST_MEMORY)),
          updatedAt: now,
          edits: ctx.db.command.inc(1),
        });
      } else {
        await txSet(tx, 'progress', {
          _id: logId,
          teamId: current._id,
          userId: caller._id,
          day,
          dayKey: dayKey(day),
          ...fields,
          requestIds: [input.requestId],
          createdAt: now,
          updatedAt: now,
          edits: 0,
        });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'progress',
        action: 'log',
        target: `progress/${logId}`,
        summary: `${fresh ? '修改' : '记录'} ${day} 的进展${input.noProgress ? '（今日无进展）' : ''}`,
      });
    });
    const saved = await findById(ctx.db, 'progress', logId);
    return (await logViews(ctx, [saved!]))[0];
  },

  timeline: async ({ ctx, caller, input, team }) => {
    const _ = ctx.db.command;
    const where: DocData = { teamId: team._id };
    if (input.userId) where.userId = input.userId;
    if (input.claimId) where.claimId = input.claimId;
    const query = input.cursor ? _.and([where, afterCursor(_, 'dayKey', input.cursor, 'desc')]) : where;
    const logs = await teamLogs(ctx, query, TIMELINE_PAGE_SIZE);
    const members = await teamMembers(ctx, team._id);
    const users = await usersById(
      ctx,
      members.map((member) => member.userId),
    );
    const claims = await findMany('claims', ctx.db.collection('claims').where({ teamId: team._id }).limit(100));
    const claimTitles = await claimTitlesOf(ctx, claims);
    return {
      items: await logViews(ctx, logs),
      nextCursor: nextCursorOf(logs, TIMELINE_PAGE_SIZE, (log) => log.dayKey),
      members: members.map((member) => ({ userId: member.userId, name: displayName(users.get(member.userId)) })),
      claims: claims.map((claim) => ({ claimId: claim._id, title: claimTitles.get(claim._id) ?? '' })),
      viewer: await canSeeTeam(ctx, caller, team),
    };
  },

  calendar: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const days = daysOfMonth(input.month);
    const logs = await findMany(
      'progress',
      ctx.db
        .collection('progress')
        .where({ userId: caller._id, dayKey: _.gte(dayKey(days[0])).and(_.lte(dayKey(days[days.length - 1]))) })
        .field({ _id: true, teamId: true, day: true, noProgress: true })
        .limit(1000),
    );
    const teamIds = [...new Set(logs.map((log) => log.teamId))];
    const teams = teamIds.length
      ? await findMany(
          'teams',
          ctx.db
            .collection('teams')
            .where({ _id: _.in(teamIds) })
            .field({ _id: true, name: true })
            .limit(100),
        )
      : [];
    const teamName = new Map(teams.map((one) => [one._id, one.name]));
    return {
      month: input.month,
      days: days
        .map((day) => ({
          day,
          teams: logs
            .filter((log) => log.day === day)
            .map((log) => ({ teamId: log.teamId, teamName: teamName.get(log.teamId) ?? '', noProgress: log.noProgress })),
        }))
        .filter((entry) => entry.teams.length > 0),
    };
  },

  weekly: async ({ ctx, input, team }) => {
    const _ = ctx.db.command;
    const { from, to } = weekOf(input.day ?? shanghaiDay(ctx.now()));
    const logs = await teamLogs(ctx, { teamId: team._id, dayKey: _.gte(dayKey(from)).and(_.lte(dayKey(to))) }, 1000);
    const members = await teamMembers(ctx, team._id);
    const users = await usersById(ctx, [...members.map((member) => member.userId), ...logs.map((log) => log.userId)]);
    const citations = await citationsOf(ctx, logs);
    const touched = new Map<string, { claimTitle: string; milestoneTitle: string; logs: number }>();
    for (const log of logs.filter((one) => one.milestoneId)) {
      const entry = touched.get(log.milestoneId!) ?? {
        claimTitle: citations.claimTitles.get(log.claimId!) ?? '',
        milestoneTitle: citations.milestoneTitles.get(log.milestoneId!) ?? '',
        logs: 0,
      };
      touched.set(log.milestoneId!, { ...entry, logs: entry.logs + 1 });
    }
    return {
      teamId: team._id,
      teamName: team.name,
      from,
      to,
      members: members.map((member) => {
        const own = logs.filter((log) => log.userId === member.userId);
        return {
          userId: member.userId,
          name: displayName(users.get(member.userId)),
          role: member.role,
          days: own.map((log) => log.day).sort(),
          noProgressDays: own.filter((log) => log.noProgress).length,
        };
      }),
      evidence: logs
        .filter((log) => log.evidence.kind !== 'none')
        .map((log) => ({ kind: log.evidence.kind, ref: log.evidence.ref, userName: displayName(users.get(log.userId)), day: log.day })),
      milestones: [...touched.values()],
    };
  },
};

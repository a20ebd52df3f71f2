/** 进展打卡: the day's form, the log itself (log.ts), a team's timeline and weekly summary, the caller's calendar. */
import { dayKey, daysOfMonth, weekOf } from '../../../core/progress-rules';
import { shanghaiDay } from '../../../core/time';
import type { Member, ProgressLog, Team, User } from '../../../core/types';
import { findById } from '../../db/collections';
import { fieldsByIds, find, findFields } from '../../db/query';
import type { DocData, Operand } from '../../db/types';
import { isTeamOrganizer } from '../../runtime/access';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { teamMembers, usersById } from '../../runtime/lookups';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { logIdOf, logProgress } from './log';
import { citationsOf, logView } from './views';

export const TIMELINE_PAGE_SIZE = 20;
/** How many of the team's claims the timeline offers as a filter, and the form as citable. */
const CLAIMS_SHOWN = 100;

function teamLogs(ctx: Ctx, where: DocData | Operand, limit: number): Promise<ProgressLog[]> {
  return find(ctx.db, 'progress', where, {
    orderBy: [
      ['dayKey', 'desc'],
      ['_id', 'desc'],
    ],
    limit,
  });
}

/** The team's claims: what its logs can cite (a log only cites its own team's claims), read once up front. */
function teamClaims(ctx: Ctx, teamId: string) {
  return findFields(ctx.db, 'claims', { teamId }, ['challengeId', 'status']);
}

async function timelineViewer(ctx: Ctx, caller: User, team: Team, membership: Member | null) {
  return { isMember: membership !== null, isOrganizer: await isTeamOrganizer(ctx, caller, team) };
}

export const progressHandlers: Pick<Handlers<'progress'>, 'form' | 'log' | 'timeline' | 'calendar' | 'weekly'> = {
  form: async ({ ctx, caller, input, team }) => {
    const day = input.day ?? shanghaiDay(ctx.now());
    const [log, claims] = await Promise.all([findById(ctx.db, 'progress', logIdOf(team._id, caller._id, day)), teamClaims(ctx, team._id)]);
    // The claims being worked on, with their gates: what a log may cite.
    const racing = claims.filter((claim) => claim.status === 'accepted').slice(0, CLAIMS_SHOWN);
    const titled = claims.filter((claim) => racing.includes(claim) || claim._id === log?.claimId);
    const [citations, milestones] = await Promise.all([
      citationsOf(ctx, log ? [log] : [], titled),
      racing.length
        ? find(ctx.db, 'milestones', { claimId: ctx.db.command.in(racing.map((claim) => claim._id)) }, { orderBy: [['index', 'asc']] })
        : [],
    ]);
    return {
      teamId: team._id,
      teamName: team.name,
      day,
      // The log is the caller's own: their record is already at hand.
      log: log ? logView(log, new Map([[caller._id, caller]]), citations) : null,
      claims: racing.map((claim) => ({
        claimId: claim._id,
        title: citations.claimTitles.get(claim._id) ?? '',
        milestones: milestones
          .filter((milestone) => milestone.claimId === claim._id)
          .map((milestone) => ({ id: milestone._id, title: milestone.title })),
      })),
    };
  },

  log: logProgress,

  timeline: async ({ ctx, caller, input, team, membership }) => {
    const _ = ctx.db.command;
    const where: DocData = { teamId: team._id };
    if (input.userId) where.userId = input.userId;
    if (input.claimId) where.claimId = input.claimId;
    const query = input.cursor ? _.and([where, afterCursor(_, 'dayKey', input.cursor, 'desc')]) : where;
    const [logs, members, claims, viewer] = await Promise.all([
      teamLogs(ctx, query, TIMELINE_PAGE_SIZE),
      teamMembers(ctx, team._id),
      teamClaims(ctx, team._id),
      timelineViewer(ctx, caller, team, membership),
    ]);
    const [users, citations] = await Promise.all([
      usersById(ctx, [...members.map((member) => member.userId), ...logs.map((log) => log.userId)]),
      citationsOf(ctx, logs, claims),
    ]);
    return {
      items: logs.map((log) => logView(log, users, citations, viewer.isOrganizer || log.userId === caller._id)),
      nextCursor: nextCursorOf(logs, TIMELINE_PAGE_SIZE, (log) => log.dayKey),
      members: members.map((member) => ({ userId: member.userId, name: displayName(users.get(member.userId)) })),
      claims: claims.slice(0, CLAIMS_SHOWN).map((claim) => ({ claimId: claim._id, title: citations.claimTitles.get(claim._id) ?? '' })),
      viewer,
    };
  },

  calendar: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const days = daysOfMonth(input.month);
    const logs = await findFields(
      ctx.db,
      'progress',
      { userId: caller._id, dayKey: _.gte(dayKey(days[0])).and(_.lte(dayKey(days[days.length - 1]))) },
      ['teamId', 'day', 'noProgress'],
    );
    const teams = await fieldsByIds(
      ctx.db,
      'teams',
      logs.map((log) => log.teamId),
      ['name'],
    );
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
    const [logs, members, claims] = await Promise.all([
      teamLogs(ctx, { teamId: team._id, dayKey: _.gte(dayKey(from)).and(_.lte(dayKey(to))) }, 1000),
      teamMembers(ctx, team._id),
      teamClaims(ctx, team._id),
    ]);
    const cited = logs.filter((log) => log.milestoneId);
    const [users, citations] = await Promise.all([
      usersById(ctx, [...members.map((member) => member.userId), ...logs.map((log) => log.userId)]),
      citationsOf(
        ctx,
        cited,
        claims.filter((claim) => cited.some((log) => log.claimId === claim._id)),
      ),
    ]);
    const touched = new Map<string, { claimTitle: string; milestoneTitle: string; logs: number }>();
    for (const { claimId, milestoneId } of cited) {
      if (!milestoneId) continue;
      const entry = touched.get(milestoneId) ?? {
        claimTitle: (claimId && citations.claimTitles.get(claimId)) || '',
        milestoneTitle: citations.milestoneTitles.get(milestoneId) ?? '',
        logs: 0,
      };
      touched.set(milestoneId, { ...entry, logs: entry.logs + 1 });
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
      // A log hidden after a report lends no evidence to the summary (its author still sees it in the timeline).
      evidence: logs
        .filter((log) => log.evidence.kind !== 'none' && !log.hidden)
        .map((log) => ({ kind: log.evidence.kind, ref: log.evidence.ref, userName: displayName(users.get(log.userId)), day: log.day })),
      milestones: [...touched.values()],
    };
  },
};

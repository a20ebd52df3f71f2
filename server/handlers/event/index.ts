/** 活动签到: events with a rotating code and/or a geofence, one sign-in per member (checkins.ts), 补签 approved by the organizer. */
import { AppError } from '../../../core/errors';
import { CODE_PERIOD_MS, codeSlot, qrPayload, usesCode } from '../../../core/progress-rules';
import { formatDateTime, formatTime, shanghaiAt } from '../../../core/time';
import type { Checkin, TeamEvent, User } from '../../../core/types';
import { findById, txFind, txSet } from '../../db/collections';
import { byIds, find, MAX_PAGE } from '../../db/query';
import type { DocData } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { codeFor, newEventSecret, qrModules } from '../../runtime/event-code';
import type { Handlers } from '../../runtime/function';
import { membershipsOf } from '../../runtime/lookups';
import { leagueSubtree, loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { checkinHandlers, windowRefusal } from './checkins';
import { attendance, checkinIdOf, eventDetail } from './reads';
import { eventCard, eventDetailOf } from './views';

export const EVENTS_PAGE_SIZE = 20;

/** Which events a list shows: those of the orgs the caller manages, or those of the caller's teams. */
async function eventScope(ctx: Ctx, caller: User, scope: 'manage' | 'mine'): Promise<DocData> {
  const _ = ctx.db.command;
  if (scope === 'manage') return { leagueOrgId: _.in([...managedLeagueOrgIds(await loadOrgs(ctx), caller)]) };
  const memberships = await membershipsOf(ctx, caller._id);
  return { teamIds: _.in(memberships.map((member) => member.teamId)) };
}

/**
 * The caller's check-ins of these events. All of the caller's check-ins are read alongside the
 * scope (one per event they attended, so few); only if those were more than a page are the
 * events not found among them looked up by id.
 */
async function myCheckins(ctx: Ctx, caller: User, events: TeamEvent[], own: Checkin[]): Promise<Checkin[]> {
  const missing = events.filter((event) => !own.some((checkin) => checkin.eventId === event._id));
  if (own.length < MAX_PAGE || !missing.length) return own;
  return [
    ...own,
    ...(await byIds(
      ctx.db,
      'eventCheckins',
      missing.map((event) => checkinIdOf(event._id, caller._id)),
    )),
  ];
}

export const eventHandlers: Pick<
  Handlers<'progress'>,
  'createEvent' | 'events' | 'eventDetail' | 'eventCode' | 'signIn' | 'requestMakeup' | 'reviewMakeup' | 'attendance'
> = {
  createEvent: async ({ ctx, caller, input }) => {
    const eventId = `ev-${input.requestId}`;
    const teamIds = [...new Set(input.teamIds)];
    const [existing, orgs, memberships, teams] = await Promise.all([
      findById(ctx.db, 'events', eventId),
      loadOrgs(ctx),
      membershipsOf(ctx, caller._id),
      byIds(ctx.db, 'teams', teamIds),
    ]);
    if (existing) {
      if (existing.organizerId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
      return eventDetail(ctx, caller, existing);
    }
    if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) throw new AppError('FORBIDDEN', '只能以你管理的团组织名义创建活动');
    const startAt = shanghaiAt(input.day, input.startTime);
    const endAt = shanghaiAt(input.day, input.endTime);
    if (endAt <= ctx.now()) throw new AppError('INVALID_INPUT', '活动结束时间已过，请重新选择日期或时间');
    const allowed = leagueSubtree(orgs, [input.leagueOrgId]);
    if (teams.length !== teamIds.length || teams.some((team) => team.status !== 'registered' || !allowed.has(team.leagueOrgId))) {
      throw new AppError('INVALID_INPUT', '参加队伍须为本团组织下已备案的突击队');
    }
    const event: TeamEvent = {
      _id: eventId,
      title: input.title,
      leagueOrgId: input.leagueOrgId,
      organizerId: caller._id,
      teamIds,
      startAt,
      endAt,
      place: { name: input.placeName, lat: input.lat, lng: input.lng, radius: input.radius },
      mode: input.mode,
      secret: newEventSecret(),
      requestId: input.requestId,
      createdAt: ctx.now(),
    };
    const stored = await ctx.db.runTransaction(async (tx) => {
      const earlier = await txFind(tx, 'events', eventId);
      if (earlier) return earlier;
      await txSet(tx, 'events', event);
      await audit(tx, {
        at: event.createdAt,
        actor: caller._id,
        fn: 'progress',
        action: 'createEvent',
        target: `events/${eventId}`,
        orgId: event.leagueOrgId,
        summary: `创建活动「${event.title}」（${teams.length} 支队伍，${formatDateTime(startAt)}–${formatTime(endAt)}）`,
      });
      return event;
    });
    // The same request that got there first: show that one.
    if (stored !== event) return eventDetail(ctx, caller, stored);
    // A new event has no check-ins yet; its organizer is the caller, who manages its org.
    const teamId = memberships.find((member) => teamIds.includes(member.teamId))?.teamId ?? null;
    return eventDetailOf(event, { teams, organizer: caller }, { isOrganizer: true, teamId, mine: null }, ctx.now());
  },

  events: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const [where, own] = await Promise.all([eventScope(ctx, caller, input.scope), find(ctx.db, 'eventCheckins', { userId: caller._id })]);
    const query = input.cursor ? _.and([where, afterCursor(_, 'startAt', input.cursor, 'desc')]) : where;
    const events = await find(ctx.db, 'events', query, {
      orderBy: [
        ['startAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: EVENTS_PAGE_SIZE,
    });
    const mine = await myCheckins(ctx, caller, events, own);
    const now = ctx.now();
    return {
      items: events.map((event) =>
        eventCard(
          event,
          mine.find((checkin) => checkin.eventId === event._id),
          now,
        ),
      ),
      nextCursor: nextCursorOf(events, EVENTS_PAGE_SIZE, (event) => event.startAt),
    };
  },

  eventDetail: async ({ ctx, caller, input }) => {
    const event = await findById(ctx.db, 'events', input.eventId);
    if (!event) throw new AppError('NOT_FOUND', '找不到这个活动，可能已被删除');
    return eventDetail(ctx, caller, event);
  },

  eventCode: async ({ ctx, teamEvent }) => {
    const event = teamEvent;
    if (!usesCode(event.mode)) throw new AppError('STATE_CONFLICT', '该活动为定位签到，无需展示签到码');
    const now = ctx.now();
    const refusal = windowRefusal(event, now, '活动已结束');
    if (refusal) throw new AppError('STATE_CONFLICT', refusal);
    const slot = codeSlot(now);
    const code = codeFor(event.secret, slot);
    return { code, qr: qrModules(qrPayload(event._id, code)), validUntil: (slot + 1) * CODE_PERIOD_MS, periodMs: CODE_PERIOD_MS };
  },

  ...checkinHandlers,

  attendance: async ({ ctx, teamEvent }) => attendance(ctx, teamEvent),
};

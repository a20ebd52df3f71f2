/** 活动签到: events with a rotating code and/or a geofence, one sign-in per member, 补签 approved by the organizer. */
import { AppError } from '../../../core/errors';
import {
  CODE_PERIOD_MS,
  codeSlot,
  eventPhase,
  geofenceVerdict,
  makeupClosedReason,
  qrPayload,
  usesCode,
  usesLocation,
} from '../../../core/progress-rules';
import { formatDateTime, formatTime, shanghaiAt } from '../../../core/time';
import type { Checkin, SignInSignals, TeamEvent, User } from '../../../core/types';
import type { Attendance, EventDetail } from '../../../core/views';
import { findAll, findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData, Transaction } from '../../db/types';
import { attendeeTeamId, isEventOrganizer } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import { codeFor, matchingSlot, newEventSecret, qrModules } from '../../runtime/event-code';
import type { Handlers } from '../../runtime/function';
import { leagueSubtree, loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { makeupResultMessage } from './messages';
import { attendanceOf, canRequestMakeup, eventCard } from './views';
import { membershipsOf, usersById } from '../../runtime/lookups';

export const EVENTS_PAGE_SIZE = 20;

export const checkinIdOf = (eventId: string, userId: string) => `${eventId}_${userId}`;

async function eventDetail(ctx: Ctx, caller: User, event: TeamEvent): Promise<EventDetail> {
  const [isOrganizer, teamId] = await Promise.all([isEventOrganizer(ctx, caller, event), attendeeTeamId(ctx, caller, event)]);
  if (!isOrganizer && !teamId) throw new AppError('NOT_FOUND', '找不到这个活动，或你的队伍不在参加名单中');
  const mine = teamId ? await findById(ctx.db, 'eventCheckins', checkinIdOf(event._id, caller._id)) : null;
  const teams = await findMany(
    'teams',
    ctx.db
      .collection('teams')
      .where({ _id: ctx.db.command.in(event.teamIds) })
      .field({ _id: true, name: true })
      .limit(1000),
  );
  const organizer = await findById(ctx.db, 'users', event.organizerId);
  const now = ctx.now();
  return {
    ...eventCard(event, mine, now),
    place: event.place,
    teams: teams.map((team) => ({ id: team._id, name: team.name })),
    organizerName: displayName(organizer),
    viewer: { isOrganizer, isAttendee: teamId !== null, canRequestMakeup: teamId !== null && canRequestMakeup(event, mine, now) },
  };
}

async function attendance(ctx: Ctx, event: TeamEvent): Promise<Attendance> {
  const _ = ctx.db.command;
  const [members, checkins] = await Promise.all([
    findAll(ctx.db, 'members', { teamId: _.in(event.teamIds) }),
    findAll(ctx.db, 'eventCheckins', { eventId: event._id }),
  ]);
  const users = await usersById(ctx, [...members.map((member) => member.userId), ...checkins.map((checkin) => checkin.userId)]);
  const teams = await findMany(
    'teams',
    ctx.db
      .collection('teams')
      .where({ _id: _.in(event.teamIds) })
      .field({ _id: true, name: true })
      .limit(1000),
  );
  return attendanceOf(event, members, checkins, users, new Map(teams.map((team) => [team._id, team.name])), ctx.now());
}

/** Why signing in is not possible now, or null; `ended` is what to say once the event is over. */
function windowRefusal(event: TeamEvent, now: number, ended: string): string | null {
  const phase = eventPhase(event, now);
  if (phase === 'upcoming') return `签到尚未开始，活动 ${formatDateTime(event.startAt)} 开始`;
  return phase === 'ended' ? ended : null;
}

/** Check the signals the mode asks for; answer what to keep for audit, or refuse. */
function checkSignals(
  event: TeamEvent,
  input: { method: SignInSignals['method']; code: string | null; location: { lat: number; lng: number; accuracy: number } | null },
  now: number,
): SignInSignals {
  let slot: number | null = null;
  let distance: number | null = null;
  if (usesCode(event.mode)) {
    if (!input.code) throw new AppError('INVALID_INPUT', '请扫描现场二维码或输入屏幕上的 6 位签到码');
    slot = matchingSlot(event.secret, input.code, now);
    if (slot === null) throw new AppError('CODE_EXPIRED');
  }
  if (usesLocation(event.mode)) {
    if (!input.location) throw new AppError('INVALID_INPUT', '该活动需要定位签到，请允许获取位置后重试');
    const verdict = geofenceVerdict(event.place as { lat: number; lng: number; radius: number }, input.location);
    if (!verdict.ok) throw new AppError('OUT_OF_RANGE', verdict.reason);
    distance = verdict.distance;
  }
  return {
    at: now,
    method: input.method,
    codeSlot: slot,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
    accuracy: input.location?.accuracy ?? null,
    distance,
  };
}

const COUNTED: Checkin['status'][] = ['signed', 'makeupApproved'];

/** Write a member's attendance record and its audit entry in the same transaction. */
async function saveCheckin(
  tx: Transaction,
  now: number,
  event: TeamEvent,
  userId: string,
  teamId: string,
  previous: Checkin | null,
  change: Pick<Checkin, 'status' | 'signals' | 'makeup'> & { action: 'signIn' | 'requestMakeup'; summary: string },
): Promise<void> {
  const checkinId = checkinIdOf(event._id, userId);
  await txSet(tx, 'eventCheckins', {
    _id: checkinId,
    eventId: event._id,
    userId,
    teamId,
    status: change.status,
    signals: change.signals,
    makeup: change.makeup,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  });
  await audit(tx, {
    at: now,
    actor: userId,
    fn: 'progress',
    action: change.action,
    target: `eventCheckins/${checkinId}`,
    summary: change.summary,
  });
}

export const eventHandlers: Pick<
  Handlers<'progress'>,
  'createEvent' | 'events' | 'eventDetail' | 'eventCode' | 'signIn' | 'requestMakeup' | 'reviewMakeup' | 'attendance'
> = {
  createEvent: async ({ ctx, caller, input }) => {
    const eventId = `ev-${input.requestId}`;
    const existing = await findById(ctx.db, 'events', eventId);
    if (existing) {
      if (existing.organizerId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
      return eventDetail(ctx, caller, existing);
    }
    const orgs = await loadOrgs(ctx);
    if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) throw new AppError('FORBIDDEN', '只能以你管理的团组织名义创建活动');
    const startAt = shanghaiAt(input.day, input.startTime);
    const endAt = shanghaiAt(input.day, input.endTime);
    if (endAt <= ctx.now()) throw new AppError('INVALID_INPUT', '活动结束时间已过，请重新选择日期或时间');
    const teamIds = [...new Set(input.teamIds)];
    const teams = await findMany(
      'teams',
      ctx.db
        .collection('teams')
        .where({ _id: ctx.db.command.in(teamIds) })
        .limit(1000),
    );
    const allowed = leagueSubtree(orgs, [input.leagueOrgId]);
    if (teams.length !== teamIds.length || teams.some((team) => team.status !== 'registered' || !allowed.has(team.leagueOrgId))) {
      throw new AppError('INVALID_INPUT', '参加队伍须为本团组织下已备案的突击队');
    }
    await checkText(ctx, 1, input.title, input.placeName);
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
    await ctx.db.runTransaction(async (tx) => {
      if (await txFind(tx, 'events', eventId)) return;
      await txSet(tx, 'events', event);
      await audit(tx, {
        at: event.createdAt,
        actor: caller._id,
        fn: 'progress',
        action: 'createEvent',
        target: `events/${eventId}`,
        summary: `创建活动「${event.title}」（${teams.length} 支队伍，${formatDateTime(startAt)}–${formatTime(endAt)}）`,
      });
    });
    return eventDetail(ctx, caller, (await findById(ctx.db, 'events', eventId))!);
  },

  events: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    let where: DocData;
    if (input.scope === 'manage') {
      where = { leagueOrgId: _.in([...managedLeagueOrgIds(await loadOrgs(ctx), caller)]) };
    } else {
      const memberships = await membershipsOf(ctx, caller._id);
      where = { teamIds: _.in(memberships.map((member) => member.teamId)) };
    }
    const query = input.cursor ? _.and([where, afterCursor(_, 'startAt', input.cursor, 'desc')]) : where;
    const events = await findMany(
      'events',
      ctx.db.collection('events').where(query).orderBy('startAt', 'desc').orderBy('_id', 'desc').limit(EVENTS_PAGE_SIZE),
    );
    const mine = events.length
      ? await findMany(
          'eventCheckins',
          ctx.db
            .collection('eventCheckins')
            .where({ _id: _.in(events.map((event) => checkinIdOf(event._id, caller._id))) })
            .limit(EVENTS_PAGE_SIZE),
        )
      : [];
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

  signIn: async ({ ctx, caller, input, teamEvent, attendeeTeamId: teamId }) => {
    const event = teamEvent;
    const checkinId = checkinIdOf(event._id, caller._id);
    const existing = await findById(ctx.db, 'eventCheckins', checkinId);
    // Signing in again (a double tap, a retry) changes nothing: the first sign-in stands.
    if (existing && COUNTED.includes(existing.status)) return eventDetail(ctx, caller, event);
    const refusal = windowRefusal(event, ctx.now(), '活动已结束，如未签到请申请补签');
    if (refusal) throw new AppError('STATE_CONFLICT', refusal);
    const signals = checkSignals(event, input, ctx.now());
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (fresh && COUNTED.includes(fresh.status)) return;
      const where = signals.lat === null ? '' : `，位置 ${signals.lat},${signals.lng} ±${signals.accuracy} 米，距离 ${signals.distance} 米`;
      await saveCheckin(tx, ctx.now(), event, caller._id, teamId, fresh, {
        status: 'signed',
        signals,
        // A pending make-up request is superseded by being there, and kept on record.
        makeup: fresh?.makeup ?? null,
        action: 'signIn',
        summary: `「${event.title}」现场签到（${signals.method}${signals.codeSlot === null ? '' : `，码段 ${signals.codeSlot}`}${where}）`,
      });
    });
    return eventDetail(ctx, caller, event);
  },

  requestMakeup: async ({ ctx, caller, input, teamEvent, attendeeTeamId: teamId }) => {
    const event = teamEvent;
    const closed = makeupClosedReason(event, ctx.now());
    if (closed) throw new AppError('STATE_CONFLICT', closed);
    const checkinId = checkinIdOf(event._id, caller._id);
    await checkText(ctx, 1, input.reason);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (fresh && COUNTED.includes(fresh.status)) throw new AppError('STATE_CONFLICT', '你已签到，无需补签');
      if (fresh?.status === 'makeupRequested') throw new AppError('DUPLICATE', '补签申请已提交，请等待主办方审核');
      if (fresh) throw new AppError('STATE_CONFLICT', '你的补签申请已被驳回，如有疑问请联系主办方');
      await saveCheckin(tx, ctx.now(), event, caller._id, teamId, null, {
        status: 'makeupRequested',
        signals: null,
        makeup: { reason: input.reason, requestedAt: ctx.now(), review: null },
        action: 'requestMakeup',
        summary: `申请「${event.title}」补签：${input.reason}`,
      });
    });
    return eventDetail(ctx, caller, event);
  },

  reviewMakeup: async ({ ctx, caller, input, teamEvent }) => {
    const event = teamEvent;
    const checkinId = checkinIdOf(event._id, input.userId);
    const approve = input.decision === 'approve';
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (!fresh?.makeup) throw new AppError('NOT_FOUND', '找不到这位成员的补签申请');
      if (fresh.status !== 'makeupRequested') throw new AppError('STATE_CONFLICT', '这份补签申请已经审核过了');
      const now = ctx.now();
      const review = { by: caller._id, at: now, reason: input.note };
      await txUpdate(tx, 'eventCheckins', checkinId, {
        status: approve ? 'makeupApproved' : 'makeupRejected',
        makeup: ctx.db.command.set({ ...fresh.makeup, review }),
        updatedAt: now,
      });
      await enqueue(tx, now, makeupResultMessage(event, input.userId, approve, input.note, now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'progress',
        action: 'reviewMakeup',
        target: `eventCheckins/${checkinId}`,
        summary: `${approve ? '通过' : '驳回'}「${event.title}」补签${input.note ? `：${input.note}` : ''}`,
      });
    });
    return attendance(ctx, event);
  },

  attendance: async ({ ctx, teamEvent }) => attendance(ctx, teamEvent),
};

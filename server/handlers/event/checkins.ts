/** Signing in to an event, asking for 补签, and the organizer's review of it: one check-in per member per event. */
import { AppError } from '../../../core/errors';
import { eventPhase, geofenceVerdict, makeupClosedReason, usesCode, usesLocation } from '../../../core/progress-rules';
import { formatDateTime } from '../../../core/time';
import type { Checkin, SignInSignals, TeamEvent, User } from '../../../core/types';
import type { EventDetail } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { isEventOrganizer } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { matchingSlot } from '../../runtime/event-code';
import type { Handlers } from '../../runtime/function';
import { enqueue } from '../../runtime/outbox';
import { makeupResultMessage } from './messages';
import { attendance, attendanceData, attendanceFrom, checkinIdOf, eventParts } from './reads';
import { eventDetailOf } from './views';

/** Why signing in is not possible now, or null; `ended` is what to say once the event is over. */
export function windowRefusal(event: TeamEvent, now: number, ended: string): string | null {
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

/** Write a member's attendance record and its audit entry in the same transaction; answers the record written. */
async function saveCheckin(
  tx: Transaction,
  now: number,
  event: TeamEvent,
  userId: string,
  teamId: string,
  previous: Checkin | null,
  change: Pick<Checkin, 'status' | 'signals' | 'makeup'> & { action: 'signIn' | 'requestMakeup'; summary: string },
): Promise<Checkin> {
  const checkin: Checkin = {
    _id: checkinIdOf(event._id, userId),
    eventId: event._id,
    userId,
    teamId,
    status: change.status,
    signals: change.signals,
    makeup: change.makeup,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await txSet(tx, 'eventCheckins', checkin);
  await audit(tx, {
    at: now,
    actor: userId,
    fn: 'progress',
    action: change.action,
    target: `eventCheckins/${checkin._id}`,
    orgId: event.leagueOrgId,
    teamId,
    summary: change.summary,
  });
  return checkin;
}

/**
 * The attendee's detail once their check-in is known: whether they organize it and the names are read
 * before the write (the caller's team among the event's teams is what the access rule granted).
 */
async function attendeeDetail(ctx: Ctx, caller: User, event: TeamEvent, teamId: string) {
  const [isOrganizer, parts] = await Promise.all([isEventOrganizer(ctx, caller, event), eventParts(ctx, event)]);
  return (mine: Checkin | null): EventDetail => eventDetailOf(event, parts, { isOrganizer, teamId, mine }, ctx.now());
}

export const checkinHandlers: Pick<Handlers<'progress'>, 'signIn' | 'requestMakeup' | 'reviewMakeup'> = {
  signIn: async ({ ctx, caller, input, teamEvent: event, attendeeTeamId: teamId }) => {
    const checkinId = checkinIdOf(event._id, caller._id);
    const [existing, detail] = await Promise.all([
      findById(ctx.db, 'eventCheckins', checkinId),
      attendeeDetail(ctx, caller, event, teamId),
    ]);
    // Signing in again (a double tap, a retry) changes nothing: the first sign-in stands.
    if (existing && COUNTED.includes(existing.status)) return detail(existing);
    const refusal = windowRefusal(event, ctx.now(), '活动已结束，如未签到请申请补签');
    if (refusal) throw new AppError('STATE_CONFLICT', refusal);
    const signals = checkSignals(event, input, ctx.now());
    const mine = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (fresh && COUNTED.includes(fresh.status)) return fresh;
      // Where someone was stays on the check-in (for the organizers' attendance sheet), never in the trail.
      const where = signals.lat === null ? '' : `，距离活动地点 ${signals.distance} 米`;
      return saveCheckin(tx, ctx.now(), event, caller._id, teamId, fresh, {
        status: 'signed',
        signals,
        // A pending make-up request is superseded by being there, and kept on record.
        makeup: fresh?.makeup ?? null,
        action: 'signIn',
        summary: `「${event.title}」现场签到（${signals.method}${signals.codeSlot === null ? '' : `，码段 ${signals.codeSlot}`}${where}）`,
      });
    });
    return detail(mine);
  },

  requestMakeup: async ({ ctx, caller, input, teamEvent: event, attendeeTeamId: teamId }) => {
    const closed = makeupClosedReason(event, ctx.now());
    if (closed) throw new AppError('STATE_CONFLICT', closed);
    const checkinId = checkinIdOf(event._id, caller._id);
    const detail = await attendeeDetail(ctx, caller, event, teamId);
    const mine = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (fresh && COUNTED.includes(fresh.status)) throw new AppError('STATE_CONFLICT', '你已签到，无需补签');
      if (fresh?.status === 'makeupRequested') throw new AppError('DUPLICATE', '补签申请已提交，请等待主办方审核');
      if (fresh) throw new AppError('STATE_CONFLICT', '你的补签申请已被驳回，如有疑问请联系主办方');
      return saveCheckin(tx, ctx.now(), event, caller._id, teamId, null, {
        status: 'makeupRequested',
        signals: null,
        makeup: { reason: input.reason, requestedAt: ctx.now(), review: null },
        action: 'requestMakeup',
        summary: `申请「${event.title}」补签：${input.reason}`,
      });
    });
    return detail(mine);
  },

  reviewMakeup: async ({ ctx, caller, input, teamEvent: event }) => {
    const checkinId = checkinIdOf(event._id, input.userId);
    const approve = input.decision === 'approve';
    // The sheet is read before the decision and shown with the reviewed record as written.
    const before = await attendanceData(ctx, event);
    const reviewed = await ctx.db.runTransaction(async (tx): Promise<Checkin> => {
      const fresh = await txFind(tx, 'eventCheckins', checkinId);
      if (!fresh?.makeup) throw new AppError('NOT_FOUND', '找不到这位成员的补签申请');
      if (fresh.status !== 'makeupRequested') throw new AppError('STATE_CONFLICT', '这份补签申请已经审核过了');
      const now = ctx.now();
      const makeup = { ...fresh.makeup, review: { by: caller._id, at: now, reason: input.note } };
      const status = approve ? 'makeupApproved' : 'makeupRejected';
      await txUpdate(tx, 'eventCheckins', checkinId, { status, makeup: ctx.db.command.set(makeup), updatedAt: now });
      await enqueue(tx, now, makeupResultMessage(event, input.userId, approve, input.note, now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'progress',
        action: 'reviewMakeup',
        target: `eventCheckins/${checkinId}`,
        orgId: event.leagueOrgId,
        teamId: fresh.teamId,
        summary: `${approve ? '通过' : '驳回'}「${event.title}」补签${input.note ? `：${input.note}` : ''}`,
      });
      return { ...fresh, status, makeup, updatedAt: now };
    });
    // A request made after the sheet was read has no name at hand: read the sheet again.
    if (!before.checkins.some((checkin) => checkin._id === reviewed._id)) return attendance(ctx, event);
    const checkins = before.checkins.map((checkin) => (checkin._id === reviewed._id ? reviewed : checkin));
    return attendanceFrom(event, { ...before, checkins }, ctx.now());
  },
};

/** The reads behind an event's detail and its attendance sheet, each made in as few rounds as the data allows. */
import { AppError } from '../../../core/errors';
import type { Checkin, Member, TeamEvent, User } from '../../../core/types';
import type { Attendance, EventDetail } from '../../../core/views';
import { findById } from '../../db/collections';
import { fieldsByIds, findAll } from '../../db/query';
import { attendeeTeamId, isEventOrganizer } from '../../runtime/access';
import type { Ctx } from '../../runtime/context';
import { membersOfTeams, usersById } from '../../runtime/lookups';
import { attendanceOf, eventDetailOf, type EventParts } from './views';

export const checkinIdOf = (eventId: string, userId: string) => `${eventId}_${userId}`;

/** The names the detail shows: the teams and the organizer. */
export async function eventParts(ctx: Ctx, event: TeamEvent): Promise<EventParts> {
  const [teams, organizer] = await Promise.all([
    fieldsByIds(ctx.db, 'teams', event.teamIds, ['name']),
    findById(ctx.db, 'users', event.organizerId),
  ]);
  return { teams, organizer };
}

/** The detail as the caller may see it (organizer or attendee), all of it read in one round. */
export async function eventDetail(ctx: Ctx, caller: User, event: TeamEvent): Promise<EventDetail> {
  const [isOrganizer, teamId, mine, parts] = await Promise.all([
    isEventOrganizer(ctx, caller, event),
    attendeeTeamId(ctx, caller, event),
    findById(ctx.db, 'eventCheckins', checkinIdOf(event._id, caller._id)),
    eventParts(ctx, event),
  ]);
  if (!isOrganizer && !teamId) throw new AppError('NOT_FOUND', '找不到这个活动，或你的队伍不在参加名单中');
  return eventDetailOf(event, parts, { isOrganizer, teamId, mine }, ctx.now());
}

export type AttendanceData = { members: Member[]; checkins: Checkin[]; users: Map<string, User>; teamNames: Map<string, string> };

/** Everyone on the event's teams, every check-in and the names: two rounds. */
export async function attendanceData(ctx: Ctx, event: TeamEvent): Promise<AttendanceData> {
  // Paged rather than capped: an event may have up to MAX_EVENT_TEAMS teams.
  const [members, checkins, teams] = await Promise.all([
    membersOfTeams(ctx, event.teamIds),
    findAll(ctx.db, 'eventCheckins', { eventId: event._id }),
    fieldsByIds(ctx.db, 'teams', event.teamIds, ['name']),
  ]);
  const users = await usersById(ctx, [...members.map((member) => member.userId), ...checkins.map((checkin) => checkin.userId)]);
  return { members, checkins, users, teamNames: new Map(teams.map((team) => [team._id, team.name])) };
}

export function attendanceFrom(event: TeamEvent, data: AttendanceData, now: number): Attendance {
  return attendanceOf(event, data.members, data.checkins, data.users, data.teamNames, now);
}

export async function attendance(ctx: Ctx, event: TeamEvent): Promise<Attendance> {
  return attendanceFrom(event, await attendanceData(ctx, event), ctx.now());
}

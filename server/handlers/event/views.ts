/** Events and attendance shaped for the screens. */
import {
  ATTENDANCE_STATUSES,
  attendanceStatusOf,
  eventPhase,
  makeupClosedReason,
  type AttendanceStatus,
} from '../../../core/progress-rules';
import type { Checkin, Member, TeamEvent, User } from '../../../core/types';
import type { Attendance, AttendanceRow, EventCard, EventDetail, MyCheckin } from '../../../core/views';
import { displayName } from '../../runtime/users';

const METHOD_LABELS: Record<string, string> = { scan: '扫码', code: '输入签到码', location: '定位' };

export function myCheckin(checkin: Checkin | null | undefined): MyCheckin | null {
  if (!checkin) return null;
  return {
    status: attendanceStatusOf(checkin, true),
    at: checkin.signals?.at ?? checkin.makeup?.review?.at ?? null,
    method: checkin.signals ? METHOD_LABELS[checkin.signals.method] : '',
    distance: checkin.signals?.distance ?? null,
    makeupReason: checkin.makeup?.reason ?? '',
    reviewNote: checkin.makeup?.review?.reason ?? '',
  };
}

export function eventCard(event: TeamEvent, mine: Checkin | null | undefined, now: number): EventCard {
  return {
    id: event._id,
    title: event.title,
    startAt: event.startAt,
    endAt: event.endAt,
    placeName: event.place.name,
    mode: event.mode,
    phase: eventPhase(event, now),
    teamCount: event.teamIds.length,
    mine: myCheckin(mine),
  };
}

export function canRequestMakeup(event: TeamEvent, mine: Checkin | null | undefined, now: number): boolean {
  return !mine && makeupClosedReason(event, now) === null;
}

/** What an event's detail shows besides the event itself. */
export type EventParts = { teams: { _id: string; name: string }[]; organizer: User | null };

/** How the caller stands to the event: `teamId` is their team among its teams, `mine` their check-in. */
export type EventStanding = { isOrganizer: boolean; teamId: string | null; mine: Checkin | null };

export function eventDetailOf(event: TeamEvent, parts: EventParts, standing: EventStanding, now: number): EventDetail {
  const { isOrganizer, teamId } = standing;
  const mine = teamId ? standing.mine : null;
  return {
    ...eventCard(event, mine, now),
    place: event.place,
    teams: parts.teams.map((team) => ({ id: team._id, name: team.name })),
    organizerName: displayName(parts.organizer),
    viewer: { isOrganizer, isAttendee: teamId !== null, canRequestMakeup: teamId !== null && canRequestMakeup(event, mine, now) },
  };
}

export function attendanceOf(
  event: TeamEvent,
  members: Member[],
  checkins: Checkin[],
  users: Map<string, User>,
  teamNames: Map<string, string>,
  now: number,
): Attendance {
  const ended = eventPhase(event, now) === 'ended';
  const byUser = new Map(checkins.map((checkin) => [checkin.userId, checkin]));
  const people = new Map<string, string>();
  for (const member of members) if (!people.has(member.userId)) people.set(member.userId, member.teamId);
  // Someone who signed in and has since left the team still attended.
  for (const checkin of checkins) if (!people.has(checkin.userId)) people.set(checkin.userId, checkin.teamId);
  const rows: AttendanceRow[] = [...people.entries()].map(([userId, teamId]) => {
    const checkin = byUser.get(userId);
    return {
      userId,
      name: displayName(users.get(userId)),
      teamName: teamNames.get(teamId) ?? '',
      status: attendanceStatusOf(checkin, ended),
      at: checkin?.signals?.at ?? null,
      method: checkin?.signals ? METHOD_LABELS[checkin.signals.method] : '',
      distance: checkin?.signals?.distance ?? null,
      accuracy: checkin?.signals?.accuracy ?? null,
      makeupReason: checkin?.makeup?.reason ?? '',
      reviewNote: checkin?.makeup?.review?.reason ?? '',
    };
  });
  const order = (status: AttendanceStatus) => ATTENDANCE_STATUSES.indexOf(status);
  rows.sort((a, b) => order(a.status) - order(b.status) || (a.at ?? 0) - (b.at ?? 0) || a.name.localeCompare(b.name, 'zh'));
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length]));
  return {
    eventId: event._id,
    leagueOrgId: event.leagueOrgId,
    title: event.title,
    counts: { ...(counts as Record<AttendanceStatus, number>), total: rows.length },
    rows,
  };
}

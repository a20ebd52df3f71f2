/** The demo world's 打卡 side: a few progress logs of team A and two events (one open now, one past). */
import { codeSlot, dayKey } from '../core/progress-rules';
import { DAY_MS, shanghaiDay } from '../core/time';
import type { Checkin, ProgressLog, TeamEvent } from '../core/types';
import { DEMO } from './demo-ids';

export const DEMO_EVENTS = { open: DEMO.eventOpen, past: DEMO.eventPast } as const;

const PLACE = { name: '省团委青年会堂', lat: 30.2741, lng: 120.1551, radius: 200 };

export function demoProgress(now: number, ids: { teamA: string; leaderA: string; memberA: string }): ProgressLog[] {
  const log = (userId: string, daysAgo: number, fields: Partial<ProgressLog>): ProgressLog => {
    const day = shanghaiDay(now - daysAgo * DAY_MS);
    const at = now - daysAgo * DAY_MS;
    return {
      _id: `${ids.teamA}_${userId}_${day}`,
      teamId: ids.teamA,
      userId,
      day,
      dayKey: dayKey(day),
      content: '',
      noProgress: false,
      evidence: { kind: 'none', ref: '' },
      photos: [],
      claimId: null,
      milestoneId: null,
      requestIds: [`seed-${userId}-${daysAgo}`.slice(0, 40)],
      createdAt: at,
      updatedAt: at,
      edits: 0,
      ...fields,
    };
  };
  const logs: ProgressLog[] = [
    log(ids.leaderA, 1, {
      content: '完成 MCU 故障注入框架的第一版，覆盖 312 个故障点；提交发明专利申请。',
      evidence: { kind: 'patent', ref: 'CN202610123451.7' },
    }),
    log(ids.memberA, 1, { content: '搭建高低温循环测试台，完成 -40℃～125℃ 标定。', evidence: { kind: 'report', ref: 'HX-TR-2026-118' } }),
    log(ids.memberA, 2, { noProgress: true, content: '等待测试样片到货。' }),
  ];
  return logs;
}

function demoEvent(
  now: number,
  fields: Pick<TeamEvent, '_id' | 'title' | 'startAt' | 'endAt' | 'mode'>,
  teamIds: string[],
  organizerId: string,
): TeamEvent {
  return {
    leagueOrgId: 'org-league-prov',
    organizerId,
    teamIds,
    place: PLACE,
    secret: `demo-secret-${fields._id}`,
    requestId: `seed-${fields._id}`,
    createdAt: now - 3 * DAY_MS,
    ...fields,
  };
}

export function demoEvents(now: number, ids: { teamA: string; teamB: string; organizer: string; leaderA: string }) {
  const events: TeamEvent[] = [
    demoEvent(
      now,
      { _id: DEMO_EVENTS.open, title: '青年突击队攻关方法培训', startAt: now - 30 * 60_000, endAt: now + 8 * 3600_000, mode: 'qr' },
      [ids.teamA, ids.teamB],
      ids.organizer,
    ),
    demoEvent(
      now,
      { _id: DEMO_EVENTS.past, title: '揭榜项目季度评审交流会', startAt: now - DAY_MS - 3 * 3600_000, endAt: now - DAY_MS, mode: 'qr+geo' },
      [ids.teamA],
      ids.organizer,
    ),
  ];
  const checkins: Checkin[] = [
    {
      _id: `${DEMO_EVENTS.past}_${ids.leaderA}`,
      eventId: DEMO_EVENTS.past,
      userId: ids.leaderA,
      teamId: ids.teamA,
      status: 'signed',
      signals: {
        at: now - DAY_MS - 2 * 3600_000,
        method: 'scan',
        codeSlot: codeSlot(now - DAY_MS - 2 * 3600_000),
        lat: 30.2743,
        lng: 120.1549,
        accuracy: 18,
        distance: 28,
      },
      makeup: null,
      createdAt: now - DAY_MS - 2 * 3600_000,
      updatedAt: now - DAY_MS - 2 * 3600_000,
    },
  ];
  return { events, checkins };
}

/**
 * The demo world's 直接联系: the province contacts team A directly in a two-year cycle (the one whose
 * second year is the current one), visited it ten days ago and wrote down one opinion, still open.
 * In the test world (20 November 2026) that is cycle 2025 (2025–2026) and a visit on 10 November 2026.
 */
import { CYCLE_YEARS_DEFAULT } from '../core/contact-rules';
import { DAY_MS, shanghaiDay } from '../core/time';
import type { ContactCycle, ContactRecord, ContactTeam, Opinion } from '../core/types';
import { DEMO } from './demo-ids';

const PROVINCE = 'org-league-prov';

/** The documents of each contact collection. */
export function demoContacts(now: number): {
  contactCycles: ContactCycle[];
  contactTeams: ContactTeam[];
  contactRecords: ContactRecord[];
  opinions: Opinion[];
} {
  const visitedAt = now - 10 * DAY_MS;
  const day = shanghaiDay(visitedAt);
  const cycle = String(Number(day.slice(0, 4)) - CYCLE_YEARS_DEFAULT + 1);
  const startedAt = Date.parse(`${cycle}-01-05T09:00:00+08:00`);
  return {
    contactCycles: [
      {
        _id: `${PROVINCE}_${cycle}`,
        orgId: PROVINCE,
        cycle,
        startDay: `${cycle}-01-01`,
        endDay: `${Number(cycle) + CYCLE_YEARS_DEFAULT - 1}-12-31`,
        startedBy: DEMO.organizer,
        startedAt,
      },
    ],
    contactTeams: [
      {
        _id: `${PROVINCE}_${cycle}_${DEMO.teamA}`,
        orgId: PROVINCE,
        cycle,
        teamId: DEMO.teamA,
        chosenBy: DEMO.organizer,
        chosenAt: Math.min(startedAt, now - 20 * DAY_MS),
        droppedAt: null,
        dropReason: '',
        lastContactDay: day,
        records: 1,
      },
    ],
    contactRecords: [
      {
        _id: DEMO.contactRecord,
        orgId: PROVINCE,
        cycle,
        teamId: DEMO.teamA,
        kind: 'visit',
        day,
        participants: '王敏、李航、张晓',
        notes: '到华芯微电子走访，了解车规级 MCU 可靠性测试进展，队伍介绍了高低温循环测试台的搭建情况。',
        createdBy: DEMO.organizer,
        createdAt: visitedAt,
      },
    ],
    opinions: [
      {
        _id: DEMO.opinion,
        recordId: DEMO.contactRecord,
        orgId: PROVINCE,
        cycle,
        teamId: DEMO.teamA,
        text: '希望协调省内车规级芯片可靠性测试场地，缩短送检排队时间。',
        state: 'open',
        reply: '',
        ownerId: DEMO.organizer,
        createdAt: visitedAt,
        updatedAt: visitedAt,
        history: [{ state: 'open', at: visitedAt, by: DEMO.organizer, reply: '' }],
      },
    ],
  };
}

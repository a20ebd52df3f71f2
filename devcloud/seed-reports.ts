/** The demo world's 举报: one open report of the confirmed patent, waiting for the organizers over team A. */
import type { Report } from '../core/types';
import { DEMO } from './demo-ids';

export function demoReports(now: number, patent: { leagueOrgId: string; authorId: string }): Report[] {
  return [
    {
      _id: DEMO.report,
      targetKind: 'achievement',
      targetId: DEMO.achievementPatent,
      leagueOrgId: patent.leagueOrgId,
      authorId: patent.authorId,
      reporterId: DEMO.partyContact,
      reason: 'false',
      note: '专利申请号与公开信息对不上，请核实。',
      status: 'open',
      requestId: `seed-${DEMO.report}`,
      createdAt: now - 3600_000,
      decision: null,
    },
  ];
}

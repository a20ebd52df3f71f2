/** The demo world's 反馈函: team A's confirmed patent, issued to its unit's party organization two days ago. */
import { DAY_MS } from '../../core/time';
import type { Achievement, Letter } from '../../core/types';

export const DEMO_LETTER = { id: 'letter-demo-chip', refCode: 'KCFB7Q2M9X' } as const;

export function demoLetters(now: number, patent: Achievement, names: { contributors: string[]; confirmer: string }): Letter[] {
  const issuedAt = now - 2 * DAY_MS;
  return [
    {
      _id: DEMO_LETTER.id,
      refCode: DEMO_LETTER.refCode,
      status: 'issued',
      teamId: patent.teamId,
      teamName: patent.teamName,
      leagueOrgId: 'org-league-prov',
      partyOrgId: 'org-party-hx',
      period: { from: '2026-10-01', to: '2026-11-18' },
      items: [
        {
          id: `achievement:${patent._id}`,
          kind: 'achievement',
          refId: patent._id,
          title: patent.title,
          detail: `专利 · 专利申请号 ${patent.evidence.ref}`,
          memberIds: patent.contributorIds,
          memberNames: names.contributors,
          confirmedBy: patent.confirmation!.by,
          confirmedByName: names.confirmer,
          confirmedAt: patent.confirmation!.at,
        },
      ],
      note: '该队本期专利成果经省团委确认，特此反馈。',
      quarter: null,
      issuedBy: patent.confirmation!.by,
      issuedAt,
      openedAt: null,
      ack: null,
      remindedAt: null,
      flagged: false,
      requestId: `seed-${DEMO_LETTER.id}`,
      createdAt: issuedAt,
    },
  ];
}

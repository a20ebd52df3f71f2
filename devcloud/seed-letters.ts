/**
 * The demo world's 反馈函: team A's confirmed patent, issued two days ago to its unit's party
 * organization and signed by the provincial league org the issuing organizer belongs to.
 */
import { quarterOf } from '../core/feedback-rules';
import { DAY_MS, shanghaiDay } from '../core/time';
import type { Achievement, Letter } from '../core/types';
import { DEMO } from './demo-ids';

export const DEMO_LETTER = { id: DEMO.letter, refCode: DEMO.letterCode } as const;

/** The demo organizer's own org: they confirmed the patent and issued the letter under it. */
const PROVINCIAL_ORG = { id: 'org-league-prov', name: '共青团某省委员会' } as const;

export function demoLetters(now: number, patent: Achievement, names: { contributors: string[]; confirmer: string }): Letter[] {
  const issuedAt = now - 2 * DAY_MS;
  return [
    {
      _id: DEMO_LETTER.id,
      refCode: DEMO_LETTER.refCode,
      status: 'issued',
      teamId: patent.teamId,
      teamName: patent.teamName,
      leagueOrgId: patent.leagueOrgId,
      partyOrgId: 'org-party-hx',
      // From the start of the patent's quarter up to the day of issue: never past it.
      period: { from: quarterOf(patent.confirmation!.at).from, to: shanghaiDay(issuedAt) },
      items: [
        {
          id: `achievement:${patent._id}`,
          kind: 'achievement',
          refId: patent._id,
          title: patent.title,
          detail: `专利 · 专利申请号 ${patent.evidence.ref}`,
          memberIds: patent.contributorIds,
          memberNames: names.contributors,
          basis: { kind: 'person', by: patent.confirmation!.by, byName: names.confirmer, orgName: PROVINCIAL_ORG.name },
          confirmedAt: patent.confirmation!.at,
        },
      ],
      note: '该队本期专利成果经省团委确认，特此反馈。',
      quarter: null,
      issuedBy: patent.confirmation!.by,
      issuerOrgId: PROVINCIAL_ORG.id,
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

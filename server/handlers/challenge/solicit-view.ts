/** The 征榜 panel of a need-born challenge, and who besides its organizers may read the draft. */
import { solicitBlockers } from '../../../core/solicit-rules';
import type { Challenge, Need, Org, Solicitation, User } from '../../../core/types';
import type { SolicitationView } from '../../../core/views';
import { isEnterpriseContact } from '../../runtime/need-roles';
import { managesIn } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';

/** The caller's place in a challenge's 征榜: organizer over it, contact of the need's enterprise, or bound expert (slot). */
export type SolicitStanding = { manages: boolean; enterprise: boolean; expertSlot: number | null };

export function solicitStanding(orgs: Org[], caller: User, challenge: Pick<Challenge, 'leagueOrgId' | 'solicit'>): SolicitStanding {
  const solicit = challenge.solicit;
  return {
    manages: managesIn(orgs, caller, challenge.leagueOrgId),
    enterprise: !!solicit && isEnterpriseContact(caller, solicit.enterpriseId),
    expertSlot: solicit?.experts.find((expert) => expert.userId === caller._id)?.slot ?? null,
  };
}

/** A draft is its organizers' own, and for a 征榜 draft also the enterprise's contacts' and the bound experts'. */
export const readsDraft = (standing: SolicitStanding) => standing.manages || standing.enterprise || standing.expertSlot !== null;

/**
 * The panel: its parties see everything; once published, other readers see the commitments and
 * who approved it, without the experts' comments.
 */
export function solicitView(
  challenge: Pick<Challenge, 'status' | 'issuer'>,
  solicit: Solicitation,
  standing: SolicitStanding,
  need: Pick<Need, 'title' | 'enterpriseName'> | null,
  users: Map<string, User>,
): SolicitationView {
  const party = readsDraft(standing);
  const draft = challenge.status === 'draft';
  const { commitments, commitmentsConfirmed: confirmed } = solicit;
  return {
    needId: solicit.needId,
    needTitle: need?.title ?? '',
    enterpriseName: need?.enterpriseName ?? challenge.issuer.unitName,
    commitments: commitments && {
      resources: commitments.resources,
      reward: commitments.reward,
      acceptance: commitments.acceptance,
      at: commitments.at,
    },
    commitmentsConfirmed: confirmed && { at: confirmed.at, byName: displayName(users.get(confirmed.by)) },
    experts: solicit.experts.map((expert) => ({
      slot: expert.slot,
      name: expert.name,
      bound: expert.userId !== null,
      verdict: expert.verdict,
      comment: party ? expert.comment : '',
      at: expert.at,
    })),
    blockers: draft ? solicitBlockers(solicit) : [],
    viewer: {
      canConfirm: draft && standing.enterprise && !!commitments && !confirmed,
      expertSlot: standing.expertSlot,
    },
  };
}

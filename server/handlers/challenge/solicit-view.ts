/** The 征榜 panel of a need-born challenge, and who besides its organizers may read the draft. */
import { solicitBlockers } from '../../../core/solicit-rules';
import type { Challenge, Need, Org, Solicitation, User } from '../../../core/types';
import type { SolicitationView } from '../../../core/views';
import { isEnterpriseContact, takesNeedsIn } from '../../runtime/need-roles';
import { managesIn } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { isPublicNeed } from '../need/views';

/**
 * The caller's place in a challenge's 征榜: organizer over it, cadre of its org (organizers are too),
 * contact of the need's enterprise, or bound expert (slot).
 */
export type SolicitStanding = { manages: boolean; cadre: boolean; enterprise: boolean; expertSlot: number | null };

export function solicitStanding(orgs: Org[], caller: User, challenge: Pick<Challenge, 'leagueOrgId' | 'solicit'>): SolicitStanding {
  const solicit = challenge.solicit;
  return {
    manages: managesIn(orgs, caller, challenge.leagueOrgId),
    cadre: !!solicit && takesNeedsIn(orgs, caller, challenge.leagueOrgId),
    enterprise: !!solicit && isEnterpriseContact(caller, solicit.enterpriseId),
    expertSlot: solicit?.experts.find((expert) => expert.userId === caller._id)?.slot ?? null,
  };
}

/**
 * A draft is its organizers' own; a 征榜 draft is also read by the cadres of its org (one of them
 * may have turned the need into it), the enterprise's contacts and the bound experts. Only
 * organizers manage it.
 */
export const readsDraft = (standing: SolicitStanding) =>
  standing.manages || standing.cadre || standing.enterprise || standing.expertSlot !== null;

/** The name a reader outside the 征榜 sees for whoever confirmed the commitments. */
const CONTACT = '企业联系人';

/**
 * The panel: its parties see everything; once published, other readers see the commitments and
 * who reviewed it, without the experts' comments, the name of the enterprise's contact, or the
 * need's title when the need itself is not public.
 */
export function solicitView(
  challenge: Pick<Challenge, 'status' | 'issuer'>,
  solicit: Solicitation,
  standing: SolicitStanding,
  need: Pick<Need, 'title' | 'enterpriseName' | 'visibility' | 'status'> | null,
  users: Map<string, User>,
): SolicitationView {
  const party = readsDraft(standing);
  const draft = challenge.status === 'draft';
  const { commitments, commitmentsConfirmed: confirmed } = solicit;
  return {
    needId: solicit.needId,
    needTitle: need && (party || isPublicNeed(need)) ? need.title : '',
    enterpriseName: need?.enterpriseName ?? challenge.issuer.unitName,
    commitments: commitments && {
      resources: commitments.resources,
      reward: commitments.reward,
      acceptance: commitments.acceptance,
      at: commitments.at,
    },
    commitmentsConfirmed: confirmed && { at: confirmed.at, byName: party ? displayName(users.get(confirmed.by)) : CONTACT },
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
      // The org's own people never confirm for the enterprise, whatever other role they hold.
      canConfirm: draft && standing.enterprise && !standing.cadre && !!commitments && !confirmed,
      expertSlot: standing.expertSlot,
    },
  };
}

/**
 * A challenge's detail page: what it reads, in two parallel rounds, and how it is shaped for the
 * viewer. A write reads the same before its transaction and answers with the view of what it wrote.
 * A 征榜 draft (made from an enterprise need) is read by its organizers, the need's enterprise
 * contacts and its bound experts; any other draft by its organizers alone.
 */
import { claimClosedReason } from '../../../core/challenge-rules';
import { AppError } from '../../../core/errors';
import type { Challenge, Claim, Member, Milestone, Need, Org, Team, User } from '../../../core/types';
import type { ChallengeDetail } from '../../../core/views';
import { findById } from '../../db/collections';
import { byIds, find } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { membershipsOf, usersById } from '../../runtime/lookups';
import { leagueSubtree, loadOrgs, orgName } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { challengeCard, claimView, milestonesOfChallenge, peopleIn } from './views';
import { reviewsIn } from '../../runtime/access';
import { readsDraft, solicitStanding, solicitView } from './solicit-view';

/** What the challenge's detail shows besides the challenge itself. */
export type DetailData = {
  /** In the order they came. */
  claims: Claim[];
  milestones: Milestone[];
  memberships: Member[];
  orgs: Org[];
  users: Map<string, User>;
  /** Teams the caller leads. */
  ledTeams: Team[];
  /** The need a 征榜 challenge came from (its title and enterprise on the panel); null for others. */
  need: Need | null;
};

type FirstRound = Omit<DetailData, 'users' | 'ledTeams' | 'need'>;

/** Round one: the claims and their gates, the caller's memberships and the org tree. */
export async function readClaims(ctx: Ctx, caller: User, challengeId: string): Promise<FirstRound> {
  const [claims, milestones, memberships, orgs] = await Promise.all([
    find(
      ctx.db,
      'claims',
      { challengeId },
      {
        orderBy: [
          ['appliedAt', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ),
    milestonesOfChallenge(ctx, challengeId),
    membershipsOf(ctx, caller._id),
    loadOrgs(ctx),
  ]);
  return { claims, milestones, memberships, orgs };
}

/** Round two: everyone the detail names, the teams the caller leads and the need a 征榜 challenge came from. */
export async function readNames(
  ctx: Ctx,
  caller: User,
  challenge: Pick<Challenge, 'reviewerId' | 'changes' | 'solicit'>,
  first: FirstRound,
): Promise<DetailData> {
  const ledIds = first.memberships.filter((member) => member.role === 'leader').map((member) => member.teamId);
  const solicit = challenge.solicit;
  const [users, ledTeams, need] = await Promise.all([
    usersById(
      ctx,
      [
        ...peopleIn(first.claims, first.milestones),
        challenge.reviewerId ?? '',
        ...challenge.changes.map((change) => change.by),
        solicit?.commitmentsConfirmed?.by ?? '',
      ],
      [caller],
    ),
    byIds(ctx.db, 'teams', ledIds),
    solicit ? findById(ctx.db, 'needs', solicit.needId) : null,
  ]);
  return { ...first, users, ledTeams, need };
}

/** Everything the detail of a known challenge shows. */
export async function readDetail(ctx: Ctx, caller: User, challenge: Challenge): Promise<DetailData> {
  return readNames(ctx, caller, challenge, await readClaims(ctx, caller, challenge._id));
}

const HIDDEN = '找不到这个榜单，可能已被撤下';

/** The detail as the caller sees it; a draft is visible only to those who manage it (and a 征榜 draft's enterprise and experts). */
export function detailView(caller: User, challenge: Challenge, data: DetailData, now: number): ChallengeDetail {
  const standing = solicitStanding(data.orgs, caller, challenge);
  const canManage = standing.manages;
  if (challenge.status === 'draft' && !readsDraft(standing)) throw new AppError('NOT_FOUND', HIDDEN);
  const canReview = reviewsIn(data.orgs, caller, challenge);
  const { claims, milestones, users } = data;
  const myTeamIds = new Set(data.memberships.map((member) => member.teamId));
  const involved = canReview || claims.some((claim) => myTeamIds.has(claim.teamId));
  const winnerNames = (challenge.outcome?.winners ?? []).map((teamId) => claims.find((claim) => claim.teamId === teamId)?.teamName ?? '');
  const claimed = new Set(claims.map((claim) => claim.teamId));
  const eligibleOrgs = leagueSubtree(data.orgs, [challenge.leagueOrgId]);

  return {
    ...challengeCard(challenge, now),
    background: challenge.background,
    targets: challenge.targets,
    deliverables: challenge.deliverables,
    leagueOrgId: challenge.leagueOrgId,
    leagueOrgName: orgName(data.orgs, challenge.leagueOrgId),
    issuerContact: challenge.issuer.contactName,
    issuerPhone: involved ? challenge.issuer.contactPhone : null,
    reviewerName: challenge.reviewerId ? displayName(users.get(challenge.reviewerId)) : null,
    createdAt: challenge.createdAt,
    publishedAt: challenge.publishedAt,
    changes: challenge.changes.map((change) => ({
      at: change.at,
      fields: change.fields,
      note: change.note,
      byName: displayName(users.get(change.by)),
    })),
    cancelled: challenge.cancelled && { at: challenge.cancelled.at, reason: challenge.cancelled.reason },
    outcome: challenge.outcome && {
      result: challenge.outcome.result,
      at: challenge.outcome.at,
      summary: challenge.outcome.summary,
      winnerNames,
    },
    claims: claims.map((claim) => claimView(claim, milestones, users, canReview || myTeamIds.has(claim.teamId), now)),
    viewer: {
      canManage,
      canReview,
      reviewerCode: canManage ? challenge.reviewerCode : null,
      // Registered teams the caller leads within the publishing org's reach, and whether each has claimed.
      leaderTeams: data.ledTeams
        .filter((team) => team.status === 'registered' && eligibleOrgs.has(team.leagueOrgId))
        .map((team) => ({ teamId: team._id, teamName: team.name, claimed: claimed.has(team._id) })),
      claimClosedReason: claimClosedReason(challenge, now),
    },
    solicit: challenge.solicit ? solicitView(challenge, challenge.solicit, standing, data.need, users) : null,
    needId: challenge.solicit?.needId ?? null,
  };
}

/** The detail page, read: the challenge alongside its claims, then the names. */
export async function challengeDetail(ctx: Ctx, caller: User, challengeId: string): Promise<ChallengeDetail> {
  const [challenge, first] = await Promise.all([findById(ctx.db, 'challenges', challengeId), readClaims(ctx, caller, challengeId)]);
  if (!challenge || (challenge.status === 'draft' && !readsDraft(solicitStanding(first.orgs, caller, challenge))))
    throw new AppError('NOT_FOUND', HIDDEN);
  return detailView(caller, challenge, await readNames(ctx, caller, challenge, first), ctx.now());
}

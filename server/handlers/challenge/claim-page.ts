/** One team's claim on a challenge, as its page shows it: read in two rounds, or built by a write from what it wrote. */
import { AppError } from '../../../core/errors';
import type { Challenge, Claim, MemberRole, Milestone, Org, User } from '../../../core/types';
import type { ClaimPage } from '../../../core/views';
import { findById } from '../../db/collections';
import type { Ctx } from '../../runtime/context';
import { membershipOf, usersById } from '../../runtime/lookups';
import { loadOrgs } from '../../runtime/orgs';
import { claimView, milestonesOf, peopleIn } from './views';
import { reviewsIn } from '../../runtime/access';

/** challengeId_teamId: one claim per team per challenge. */
export const claimIdOf = (challengeId: string, teamId: string) => `${challengeId}_${teamId}`;

export type ClaimPageData = {
  challenge: Challenge;
  claim: Claim;
  milestones: Milestone[];
  users: Map<string, User>;
  orgs: Org[];
  /** The caller's role on the claiming team, or null for someone outside it. */
  role: MemberRole | null;
};

/** A challenge teams can see (published), or not found. */
export function published(challenge: Challenge | null): Challenge {
  if (!challenge || challenge.status === 'draft') throw new AppError('NOT_FOUND', '找不到这个榜单，可能已被撤下');
  return challenge;
}

export function existingClaim(claim: Claim | null): Claim {
  if (!claim) throw new AppError('NOT_FOUND', '找不到这支队伍对该榜单的揭榜');
  return claim;
}

export function claimPageView(caller: User, data: ClaimPageData, now: number): ClaimPage {
  const { challenge, claim, role } = data;
  const canReview = reviewsIn(data.orgs, caller, challenge);
  return {
    ...claimView(claim, data.milestones, data.users, canReview || role !== null, now),
    challengeId: challenge._id,
    challengeTitle: challenge.title,
    challengeStatus: challenge.status,
    mode: challenge.mode,
    viewer: { canReview: canReview && role === null, isLeader: role === 'leader', isMember: role !== null },
  };
}

/** The claim page, read: the challenge, the claim, its gates, the caller's membership and the org tree together, then the names. */
export async function claimPage(ctx: Ctx, caller: User, challengeId: string, teamId: string): Promise<ClaimPage> {
  const claimId = claimIdOf(challengeId, teamId);
  const [found, stored, milestones, membership, orgs] = await Promise.all([
    findById(ctx.db, 'challenges', challengeId),
    findById(ctx.db, 'claims', claimId),
    milestonesOf(ctx, [claimId]),
    membershipOf(ctx, teamId, caller._id),
    loadOrgs(ctx),
  ]);
  const challenge = published(found);
  const claim = existingClaim(stored);
  const users = await usersById(ctx, peopleIn([claim], milestones), [caller]);
  return claimPageView(caller, { challenge, claim, milestones, users, orgs, role: membership?.role ?? null }, ctx.now());
}

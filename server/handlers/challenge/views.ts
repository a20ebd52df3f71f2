/** Shapes challenges, claims and milestones for the screens, with only what the viewer may see. */
import { placesOf, stageOf } from '../../../core/challenge-rules';
import { daysUntil } from '../../../core/time';
import type { Challenge, Claim, Milestone, User } from '../../../core/types';
import type { ChallengeCard, ClaimView, MilestoneView } from '../../../core/views';
import { find } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { displayName } from '../../runtime/users';

export function challengeCard(challenge: Challenge, now: number): ChallengeCard {
  return {
    id: challenge._id,
    title: challenge.title,
    field: challenge.field,
    issuerUnit: challenge.issuer.unitName,
    mode: challenge.mode,
    places: placesOf(challenge),
    status: challenge.status,
    stage: stageOf(challenge, now),
    claimDeadline: challenge.claimDeadline,
    deliveryDeadline: challenge.deliveryDeadline,
    daysLeft: daysUntil(challenge.claimDeadline, now),
    claimCount: challenge.claimCount,
    acceptedCount: challenge.acceptedCount,
    reward: challenge.reward,
  };
}

export function milestoneView(milestone: Milestone, users: Map<string, User>, now: number): MilestoneView {
  return {
    id: milestone._id,
    index: milestone.index,
    title: milestone.title,
    dueAt: milestone.dueAt,
    criterion: milestone.criterion,
    status: milestone.status,
    overdue: milestone.status === 'pending' && now > milestone.dueAt,
    evidence: milestone.evidence && {
      summary: milestone.evidence.summary,
      reference: milestone.evidence.reference,
      at: milestone.evidence.at,
      byName: displayName(users.get(milestone.evidence.by)),
    },
    review: milestone.review && {
      at: milestone.review.at,
      reason: milestone.review.reason,
      byName: displayName(users.get(milestone.review.by)),
    },
  };
}

/** The gates of these claims, in order. */
export async function milestonesOf(ctx: Ctx, claimIds: string[]): Promise<Milestone[]> {
  if (!claimIds.length) return [];
  return find(ctx.db, 'milestones', { claimId: ctx.db.command.in(claimIds) }, { orderBy: [['index', 'asc']] });
}

/** The gates of every claim on a challenge, in order (read alongside the claims, not after them). */
export function milestonesOfChallenge(ctx: Ctx, challengeId: string): Promise<Milestone[]> {
  return find(ctx.db, 'milestones', { challengeId }, { orderBy: [['index', 'asc']] });
}

/** Names for everyone a claim view mentions (planned members, evidence and review authors). */
export function peopleIn(claims: Claim[], milestones: Milestone[]): string[] {
  return [
    ...claims.flatMap((claim) => claim.plan.memberIds),
    ...milestones.flatMap((milestone) => [milestone.evidence?.by ?? '', milestone.review?.by ?? '']),
  ];
}

/** A claim as a viewer sees it; `detailed` adds the plan and the gates (team members and reviewers). */
export function claimView(claim: Claim, milestones: Milestone[], users: Map<string, User>, detailed: boolean, now: number): ClaimView {
  const own = milestones.filter((milestone) => milestone.claimId === claim._id);
  return {
    teamId: claim.teamId,
    teamName: claim.teamName,
    status: claim.status,
    appliedAt: claim.appliedAt,
    review: claim.review && { at: claim.review.at, reason: claim.review.reason },
    ended: claim.ended && { at: claim.ended.at, reason: claim.ended.reason },
    passedCount: own.filter((milestone) => milestone.status === 'passed').length,
    milestoneCount: own.length || claim.plan.milestones.length,
    plan: detailed
      ? {
          approach: claim.plan.approach,
          members: claim.plan.memberIds.map((userId) => ({ userId, name: displayName(users.get(userId)) })),
          proposed: claim.plan.milestones,
        }
      : null,
    milestones: detailed ? own.map((milestone) => milestoneView(milestone, users, now)) : null,
  };
}

/** A list with some of its records replaced by their updated versions (matched by id). */
export function replaced<T extends { _id: string }>(records: T[], updated: T[]): T[] {
  const byId = new Map(updated.map((record) => [record._id, record]));
  return records.map((record) => byId.get(record._id) ?? record);
}

/** The gates of a claim that was selected: the team submits evidence, a reviewer outside the team passes or stops it. */
import { CLAIM_MACHINE, MILESTONE_MACHINE, type MilestoneStatus } from '../../../core/challenge-rules';
import { AppError } from '../../../core/errors';
import { allows } from '../../../core/machine';
import type { Claim, Milestone } from '../../../core/types';
import { findById, txFind, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { leadersOf, usersById } from '../../runtime/lookups';
import { must } from '../../runtime/machine';
import { loadOrgs } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { claimPageView, published } from './claim-page';
import { gateResultMessage } from './messages';
import { milestonesOf, peopleIn, replaced } from './views';

export const OWN_TEAM_REVIEW = '你是该队成员，不能评审本队的揭榜或节点';
const NO_GATE = '找不到这个节点';

type Gate = { milestone: Milestone; siblings: Milestone[]; claim: Claim | null };

/**
 * A gate that exists and belongs where the caller's access was checked (otherwise not found), with
 * every gate of its claim and the claim. A gate's id is `claimId_index`, so all three are read
 * together; a gate whose id is not of that form is read first and the rest after.
 */
async function gateOf(ctx: Ctx, milestoneId: string, belongs: (milestone: Milestone) => boolean): Promise<Gate> {
  const claimId = milestoneId.slice(0, Math.max(0, milestoneId.lastIndexOf('_')));
  const [siblings, claim]: [Milestone[], Claim | null] = claimId
    ? await Promise.all([milestonesOf(ctx, [claimId]), findById(ctx.db, 'claims', claimId)])
    : [[], null];
  const milestone = siblings.find((candidate) => candidate._id === milestoneId) ?? (await findById(ctx.db, 'milestones', milestoneId));
  if (!milestone || !belongs(milestone)) throw new AppError('NOT_FOUND', NO_GATE);
  if (milestone.claimId === claimId) return { milestone, siblings, claim };
  const [others, owner] = await Promise.all([milestonesOf(ctx, [milestone.claimId]), findById(ctx.db, 'claims', milestone.claimId)]);
  return { milestone, siblings: others, claim: owner };
}

/** The gate's current status and its claim, read in the transaction; the claim must still be racing. */
async function liveGate(tx: Transaction, milestone: Milestone): Promise<{ status: MilestoneStatus; claim: Claim }> {
  const [fresh, claim] = await Promise.all([txFind(tx, 'milestones', milestone._id), txFind(tx, 'claims', milestone.claimId)]);
  if (claim?.status !== 'accepted') throw new AppError('STATE_CONFLICT', '该揭榜已不在攻关中，不能再提交或评审节点');
  return { status: fresh?.status ?? 'closed', claim };
}

export const gateHandlers = {
  submitMilestone: async ({ ctx, caller, input, team, membership }) => {
    const [{ milestone, siblings, claim }, orgs] = await Promise.all([
      gateOf(ctx, input.milestoneId, (found) => found.teamId === team._id),
      loadOrgs(ctx),
    ]);
    must(MILESTONE_MACHINE, milestone.status, 'submit', '这个节点已经评审过了');
    const earlier = siblings.filter((other) => other.index < milestone.index);
    if (earlier.some((other) => other.status !== 'passed')) throw new AppError('STATE_CONFLICT', '请先完成前一个节点的评审');
    const [found, users] = await Promise.all([
      findById(ctx.db, 'challenges', milestone.challengeId),
      usersById(ctx, peopleIn(claim ? [claim] : [], siblings), [caller]),
    ]);
    const challenge = published(found);
    const submitted = await ctx.db.runTransaction(async (tx) => {
      const { status, claim: racing } = await liveGate(tx, milestone);
      const next = must(MILESTONE_MACHINE, status, 'submit', '这个节点已经评审过了');
      const now = ctx.now();
      const evidence = { summary: input.summary, reference: input.reference, by: caller._id, at: now };
      await txUpdate(tx, 'milestones', milestone._id, { status: next, evidence: ctx.db.command.set(evidence) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'submitMilestone',
        target: `milestones/${milestone._id}`,
        orgId: challenge.leagueOrgId,
        teamId: milestone.teamId,
        summary: `提交节点「${milestone.title}」：${input.reference}`,
      });
      return { claim: racing, milestone: { ...milestone, status: next, evidence } };
    });
    return claimPageView(
      caller,
      {
        challenge,
        claim: submitted.claim,
        milestones: replaced(siblings, [submitted.milestone]),
        users,
        orgs,
        role: membership.role,
      },
      ctx.now(),
    );
  },

  reviewMilestone: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const [{ milestone, siblings, claim }, orgs] = await Promise.all([
      gateOf(ctx, input.milestoneId, (found) => found.challengeId === current._id),
      loadOrgs(ctx),
    ]);
    // Whether the caller is on the team, its leader and the names the page shows, read together.
    const [, leaders, users] = await Promise.all([
      requireOutsider(ctx, caller, milestone.teamId, OWN_TEAM_REVIEW),
      leadersOf(ctx, [milestone.teamId]),
      usersById(ctx, peopleIn(claim ? [claim] : [], siblings), [caller]),
    ]);
    const pass = input.decision === 'pass';
    must(MILESTONE_MACHINE, milestone.status, pass ? 'pass' : 'stop', pass ? '队伍提交进展和依据后才能评审通过' : '这个节点已经评审过了');
    const leaderId = leaders.get(milestone.teamId);

    const reviewed = await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const { status, claim: racing } = await liveGate(tx, milestone);
      const next = must(MILESTONE_MACHINE, status, pass ? 'pass' : 'stop', '这个节点刚刚已被评审');
      const review = { by: caller._id, at: now, reason: input.note };
      await txUpdate(tx, 'milestones', milestone._id, { status: next, review: ctx.db.command.set(review) });
      const changed: Milestone[] = [{ ...milestone, status: next, review }];
      let after: Claim = racing;
      if (!pass) {
        after = { ...racing, status: must(CLAIM_MACHINE, racing.status, 'stop', ''), ended: review };
        await txUpdate(tx, 'claims', racing._id, { status: after.status, ended: ctx.db.command.set(review) });
        for (const later of siblings.filter((other) => other._id !== milestone._id && allows(MILESTONE_MACHINE, other.status, 'stop'))) {
          const stopped = must(MILESTONE_MACHINE, later.status, 'stop', '');
          await txUpdate(tx, 'milestones', later._id, { status: stopped });
          changed.push({ ...later, status: stopped });
        }
      }
      if (leaderId) await enqueue(tx, now, gateResultMessage(current, milestone, leaderId, pass, input.note, now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: pass ? 'passMilestone' : 'stopTrack',
        target: `milestones/${milestone._id}`,
        orgId: current.leagueOrgId,
        teamId: milestone.teamId,
        summary: pass ? `节点「${milestone.title}」通过` : `「${racing.teamName}」止步于节点「${milestone.title}」：${input.note}`,
      });
      return { claim: after, changed };
    });
    // The caller stands outside the team (checked above).
    return claimPageView(
      caller,
      { challenge: current, claim: reviewed.claim, milestones: replaced(siblings, reviewed.changed), users, orgs, role: null },
      ctx.now(),
    );
  },
} satisfies Partial<Handlers<'challenge'>>;

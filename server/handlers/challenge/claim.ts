/** 揭榜挂帅, the teams' side and the gates: claim, withdraw, select (评榜), milestone evidence and review. */
import {
  CHALLENGE_MACHINE,
  CLAIM_MACHINE,
  MILESTONE_MACHINE,
  claimClosedReason,
  placesOf,
  type MilestoneStatus,
} from '../../../core/challenge-rules';
import { allows } from '../../../core/machine';
import { AppError } from '../../../core/errors';
import { formatDate, shanghaiDayEnd } from '../../../core/time';
import type { Challenge, Claim, Milestone, User } from '../../../core/types';
import type { ClaimPage } from '../../../core/views';
import { findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { isChallengeReviewer, memberRole, requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { leagueSubtree, loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { claimResultMessage, gateResultMessage } from './messages';
import { must } from '../../runtime/machine';
import { claimView, milestonesOf, peopleIn } from './views';
import { leadersOf, teamMembers, usersById } from '../../runtime/lookups';

export const claimIdOf = (challengeId: string, teamId: string) => `${challengeId}_${teamId}`;

async function publishedChallenge(ctx: Ctx, challengeId: string): Promise<Challenge> {
  const challenge = await findById(ctx.db, 'challenges', challengeId);
  if (!challenge || challenge.status === 'draft') throw new AppError('NOT_FOUND', '找不到这个榜单，可能已被撤下');
  return challenge;
}

async function claimOf(ctx: Ctx, challengeId: string, teamId: string): Promise<Claim> {
  const claim = await findById(ctx.db, 'claims', claimIdOf(challengeId, teamId));
  if (!claim) throw new AppError('NOT_FOUND', '找不到这支队伍对该榜单的揭榜');
  return claim;
}

async function claimPage(ctx: Ctx, caller: User, challengeId: string, teamId: string): Promise<ClaimPage> {
  const challenge = await publishedChallenge(ctx, challengeId);
  const claim = await claimOf(ctx, challengeId, teamId);
  const milestones = await milestonesOf(ctx, [claim._id]);
  const users = await usersById(ctx, peopleIn([claim], milestones));
  const role = await memberRole(ctx, teamId, caller._id);
  const canReview = await isChallengeReviewer(ctx, caller, challenge);
  return {
    ...claimView(claim, milestones, users, canReview || role !== null, ctx.now()),
    challengeId,
    challengeTitle: challenge.title,
    challengeStatus: challenge.status,
    mode: challenge.mode,
    viewer: { canReview: canReview && role === null, isLeader: role === 'leader', isMember: role !== null },
  };
}

const OWN_TEAM_REVIEW = '你是该队成员，不能评审本队的揭榜或节点';

/** A gate that exists and belongs where the caller's access was checked; otherwise not found. */
async function gateOf(ctx: Ctx, milestoneId: string, belongs: (milestone: Milestone) => boolean): Promise<Milestone> {
  const milestone = await findById(ctx.db, 'milestones', milestoneId);
  if (!milestone || !belongs(milestone)) throw new AppError('NOT_FOUND', '找不到这个节点');
  return milestone;
}

/** The gate's current status and its claim, read in the transaction; the claim must still be racing. */
async function liveGate(tx: Transaction, milestone: Milestone): Promise<{ status: MilestoneStatus; claim: Claim }> {
  const fresh = await txFind(tx, 'milestones', milestone._id);
  const claim = await txFind(tx, 'claims', milestone.claimId);
  if (claim?.status !== 'accepted') throw new AppError('STATE_CONFLICT', '该揭榜已不在攻关中，不能再提交或评审节点');
  return { status: fresh?.status ?? 'closed', claim };
}

function plannedMilestones(
  input: { milestones: { title: string; dueDate: string; criterion: string }[] },
  challenge: Challenge,
  now: number,
) {
  const planned = input.milestones.map((milestone) => ({
    title: milestone.title,
    dueAt: shanghaiDayEnd(milestone.dueDate),
    criterion: milestone.criterion,
  }));
  planned.forEach((milestone, index) => {
    if (milestone.dueAt < now) throw new AppError('INVALID_INPUT', `节点 ${index + 1} 的日期不能早于今天`);
    if (milestone.dueAt > challenge.deliveryDeadline) {
      throw new AppError('INVALID_INPUT', `节点 ${index + 1} 的日期不能晚于交付截止日期 ${formatDate(challenge.deliveryDeadline)}`);
    }
    if (index > 0 && milestone.dueAt < planned[index - 1].dueAt) throw new AppError('INVALID_INPUT', '阶段节点须按日期先后排列');
  });
  return planned;
}

export const claimHandlers = {
  claim: async ({ ctx, caller, input, team }) => {
    const claimingTeam = team;
    if (claimingTeam.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以揭榜');
    const challenge = await publishedChallenge(ctx, input.challengeId);
    const claimId = claimIdOf(challenge._id, claimingTeam._id);
    const existing = await findById(ctx.db, 'claims', claimId);
    if (existing?.requestId === input.requestId) return claimPage(ctx, caller, challenge._id, claimingTeam._id);
    if (existing) throw new AppError('DUPLICATE', '本队已揭过这个榜，每支队伍对一个榜单只能揭榜一次');
    const orgs = await loadOrgs(ctx);
    if (!leagueSubtree(orgs, [challenge.leagueOrgId]).has(claimingTeam.leagueOrgId)) {
      throw new AppError('STATE_CONFLICT', `该榜单面向${orgName(orgs, challenge.leagueOrgId)}所属的突击队`);
    }
    const closed = claimClosedReason(challenge, ctx.now());
    if (closed) throw new AppError('STATE_CONFLICT', closed);
    const members = await teamMembers(ctx, claimingTeam._id);
    const memberIds = [...new Set(input.memberIds)];
    if (memberIds.some((userId) => !members.some((member) => member.userId === userId))) {
      throw new AppError('INVALID_INPUT', '参与成员须为本队成员');
    }
    const planned = plannedMilestones(input, challenge, ctx.now());
    await checkText(ctx, 1, input.approach, ...planned.flatMap((milestone) => [milestone.title, milestone.criterion]));

    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', challenge._id);
      const now = ctx.now();
      const reason = fresh ? claimClosedReason(fresh, now) : '找不到这个榜单';
      if (reason) throw new AppError('STATE_CONFLICT', reason);
      const again = await txFind(tx, 'claims', claimId);
      if (again?.requestId === input.requestId) return;
      if (again) throw new AppError('DUPLICATE', '本队已揭过这个榜，每支队伍对一个榜单只能揭榜一次');
      await txSet(tx, 'claims', {
        _id: claimId,
        challengeId: challenge._id,
        teamId: claimingTeam._id,
        teamName: claimingTeam.name,
        leaderId: caller._id,
        requestId: input.requestId,
        plan: { approach: input.approach, memberIds, milestones: planned },
        status: 'applied',
        appliedAt: now,
        review: null,
        ended: null,
      });
      await txUpdate(tx, 'challenges', challenge._id, { claimCount: ctx.db.command.inc(1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'claim',
        target: `claims/${claimId}`,
        summary: `「${claimingTeam.name}」揭榜「${challenge.title}」`,
      });
    });
    return claimPage(ctx, caller, challenge._id, claimingTeam._id);
  },

  withdraw: async ({ ctx, caller, input, team }) => {
    const claim = await claimOf(ctx, input.challengeId, team._id);
    must(CLAIM_MACHINE, claim.status, 'withdraw', '评榜之后不能撤回揭榜');
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'claims', claim._id);
      const now = ctx.now();
      const next = must(CLAIM_MACHINE, fresh?.status ?? 'withdrawn', 'withdraw', '评榜之后不能撤回揭榜');
      await txUpdate(tx, 'claims', claim._id, {
        status: next,
        ended: ctx.db.command.set({ by: caller._id, at: now, reason: '队伍撤回揭榜' }),
      });
      await txUpdate(tx, 'challenges', claim.challengeId, { claimCount: ctx.db.command.inc(-1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'withdraw',
        target: `claims/${claim._id}`,
        summary: `「${claim.teamName}」撤回揭榜`,
      });
    });
    return claimPage(ctx, caller, input.challengeId, claim.teamId);
  },

  claimDetail: async ({ ctx, caller, input }) => claimPage(ctx, caller, input.challengeId, input.teamId),

  reviewClaim: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const claim = await claimOf(ctx, current._id, input.teamId);
    await requireOutsider(ctx, caller, claim.teamId, OWN_TEAM_REVIEW);
    const accept = input.decision === 'accept';
    must(CLAIM_MACHINE, claim.status, accept ? 'accept' : 'reject', '这份揭榜已经评过了');
    if (accept) must(CHALLENGE_MACHINE, current.status, 'start', '该榜单当前不能评榜');
    const places = placesOf(current);
    // Claims that lose their chance if this acceptance fills the last place.
    const others = accept
      ? (await findMany('claims', ctx.db.collection('claims').where({ challengeId: current._id, status: 'applied' }).limit(1000))).filter(
          (other) => other._id !== claim._id,
        )
      : [];
    const leaders = await leadersOf(ctx, [claim.teamId, ...others.map((other) => other.teamId)]);

    await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const fresh = await txFind(tx, 'claims', claim._id);
      const next = must(CLAIM_MACHINE, fresh?.status ?? 'withdrawn', accept ? 'accept' : 'reject', '这份揭榜刚刚已被评审或撤回');
      const review = { by: caller._id, at: now, reason: input.reason };
      const leaderId = leaders.get(claim.teamId);
      if (!accept) {
        await txUpdate(tx, 'claims', claim._id, { status: next, review: ctx.db.command.set(review), ended: ctx.db.command.set(review) });
        if (leaderId) {
          const body = `「${current.title}」评榜未入选，原因：${input.reason}。`;
          await enqueue(
            tx,
            now,
            claimResultMessage(current, claim, leaderId, { event: 'rejected', phrase: '未入选', body, note: input.reason }, now),
          );
        }
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'challenge',
          action: 'rejectClaim',
          target: `claims/${claim._id}`,
          summary: `评榜未入选：${input.reason}`,
        });
        return;
      }
      const live = await txFind(tx, 'challenges', current._id);
      if (!live) throw new AppError('NOT_FOUND', '找不到这个榜单');
      const status = must(CHALLENGE_MACHINE, live.status, 'start', '该榜单当前不能评榜');
      if (live.acceptedCount >= places) throw new AppError('STATE_CONFLICT', `该榜单的 ${places} 个名额已满，不能再入选`);
      await txUpdate(tx, 'claims', claim._id, { status: next, review: ctx.db.command.set(review) });
      await txUpdate(tx, 'challenges', current._id, { status, acceptedCount: ctx.db.command.inc(1), updatedAt: now });
      for (const [index, planned] of claim.plan.milestones.entries()) {
        const milestone: Milestone = {
          _id: `${claim._id}_${index + 1}`,
          claimId: claim._id,
          challengeId: current._id,
          teamId: claim.teamId,
          index: index + 1,
          ...planned,
          status: 'pending',
          evidence: null,
          review: null,
          reminded: [],
        };
        await txSet(tx, 'milestones', milestone);
      }
      if (leaderId) {
        const body = `「${current.title}」评榜入选，请按攻关计划推进，并在每个节点到期前提交进展和可核验的依据。${input.reason ? `评榜意见：${input.reason}` : ''}`;
        await enqueue(
          tx,
          now,
          claimResultMessage(current, claim, leaderId, { event: 'accepted', phrase: '入选', body, note: input.reason }, now),
        );
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'acceptClaim',
        target: `claims/${claim._id}`,
        summary: `评榜入选「${claim.teamName}」`,
      });
      if (live.acceptedCount + 1 < places) return;
      for (const other of others) {
        const stored = await txFind(tx, 'claims', other._id);
        if (stored?.status !== 'applied') continue;
        const ended = { by: caller._id, at: now, reason: '名额已满' };
        await txUpdate(tx, 'claims', other._id, {
          status: must(CLAIM_MACHINE, stored.status, 'deselect', ''),
          ended: ctx.db.command.set(ended),
        });
        const otherLeader = leaders.get(other.teamId);
        if (otherLeader) {
          const body = `「${current.title}」的名额已满，本队本次未入选。感谢参与揭榜。`;
          await enqueue(
            tx,
            now,
            claimResultMessage(current, other, otherLeader, { event: 'not_selected', phrase: '未入选', body, note: '名额已满' }, now),
          );
        }
      }
    });
    return claimPage(ctx, caller, current._id, claim.teamId);
  },

  submitMilestone: async ({ ctx, caller, input, team }) => {
    const milestone = await gateOf(ctx, input.milestoneId, (found) => found.teamId === team._id);
    must(MILESTONE_MACHINE, milestone.status, 'submit', '这个节点已经评审过了');
    const earlier = (await milestonesOf(ctx, [milestone.claimId])).filter((other) => other.index < milestone.index);
    if (earlier.some((other) => other.status !== 'passed')) throw new AppError('STATE_CONFLICT', '请先完成前一个节点的评审');
    await checkText(ctx, 1, input.summary, input.reference);
    await ctx.db.runTransaction(async (tx) => {
      const { status } = await liveGate(tx, milestone);
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
        summary: `提交节点「${milestone.title}」：${input.reference}`,
      });
    });
    return claimPage(ctx, caller, milestone.challengeId, milestone.teamId);
  },

  reviewMilestone: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const milestone = await gateOf(ctx, input.milestoneId, (found) => found.challengeId === current._id);
    await requireOutsider(ctx, caller, milestone.teamId, OWN_TEAM_REVIEW);
    const pass = input.decision === 'pass';
    must(MILESTONE_MACHINE, milestone.status, pass ? 'pass' : 'stop', pass ? '队伍提交进展和依据后才能评审通过' : '这个节点已经评审过了');
    const siblings = await milestonesOf(ctx, [milestone.claimId]);
    const leaderId = (await leadersOf(ctx, [milestone.teamId])).get(milestone.teamId);

    await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const { status, claim } = await liveGate(tx, milestone);
      const next = must(MILESTONE_MACHINE, status, pass ? 'pass' : 'stop', '这个节点刚刚已被评审');
      const review = { by: caller._id, at: now, reason: input.note };
      await txUpdate(tx, 'milestones', milestone._id, { status: next, review: ctx.db.command.set(review) });
      if (!pass) {
        await txUpdate(tx, 'claims', claim._id, {
          status: must(CLAIM_MACHINE, claim.status, 'stop', ''),
          ended: ctx.db.command.set(review),
        });
        for (const later of siblings.filter((other) => other._id !== milestone._id && allows(MILESTONE_MACHINE, other.status, 'stop'))) {
          await txUpdate(tx, 'milestones', later._id, { status: must(MILESTONE_MACHINE, later.status, 'stop', '') });
        }
      }
      if (leaderId) await enqueue(tx, now, gateResultMessage(current, milestone, leaderId, pass, input.note, now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: pass ? 'passMilestone' : 'stopTrack',
        target: `milestones/${milestone._id}`,
        summary: pass ? `节点「${milestone.title}」通过` : `「${claim.teamName}」止步于节点「${milestone.title}」：${input.note}`,
      });
    });
    return claimPage(ctx, caller, current._id, milestone.teamId);
  },

  teamClaims: async ({ ctx, input }) => {
    const claims = await findMany(
      'claims',
      ctx.db.collection('claims').where({ teamId: input.teamId }).orderBy('appliedAt', 'desc').limit(100),
    );
    if (!claims.length) return [];
    const challenges = await findMany(
      'challenges',
      ctx.db
        .collection('challenges')
        .where({ _id: ctx.db.command.in(claims.map((claim) => claim.challengeId)) })
        .limit(100),
    );
    const milestones = await milestonesOf(
      ctx,
      claims.map((claim) => claim._id),
    );
    return claims.flatMap((claim) => {
      const challenge = challenges.find((candidate) => candidate._id === claim.challengeId);
      if (!challenge) return [];
      const own = milestones.filter((milestone) => milestone.claimId === claim._id);
      return [
        {
          claimId: claim._id,
          challengeId: challenge._id,
          challengeTitle: challenge.title,
          challengeStatus: challenge.status,
          mode: challenge.mode,
          status: claim.status,
          appliedAt: claim.appliedAt,
          endedReason: claim.ended?.reason ?? claim.review?.reason ?? '',
          passedCount: own.filter((milestone) => milestone.status === 'passed').length,
          milestoneCount: own.length || claim.plan.milestones.length,
        },
      ];
    });
  },
} satisfies Partial<Handlers<'challenge'>>;

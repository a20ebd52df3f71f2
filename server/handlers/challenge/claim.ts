/** 揭榜挂帅, the teams' side: claim, withdraw, select (评榜); the gates are in gates.ts. */
import { CHALLENGE_MACHINE, CLAIM_MACHINE, claimClosedReason, placesOf } from '../../../core/challenge-rules';
import { AppError } from '../../../core/errors';
import { formatDate, shanghaiDayEnd } from '../../../core/time';
import type { Challenge, Claim, Milestone } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { byIds, find } from '../../db/query';
import { memberRole, requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Handlers } from '../../runtime/function';
import { leadersOf, teamMembers, usersById } from '../../runtime/lookups';
import { must } from '../../runtime/machine';
import { leagueSubtree, loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { claimIdOf, claimPage, claimPageView, existingClaim, published } from './claim-page';
import { gateHandlers, OWN_TEAM_REVIEW } from './gates';
import { claimResultMessage } from './messages';
import { milestonesOf, peopleIn } from './views';

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
  claim: async ({ ctx, caller, input, team, membership }) => {
    const claimingTeam = team;
    if (claimingTeam.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以揭榜');
    const claimId = claimIdOf(input.challengeId, claimingTeam._id);
    const memberIds = [...new Set(input.memberIds)];
    // The names of the chosen members are read with the rest; they are shown only once checked to be on the team.
    const [found, existing, orgs, members, users] = await Promise.all([
      findById(ctx.db, 'challenges', input.challengeId),
      findById(ctx.db, 'claims', claimId),
      loadOrgs(ctx),
      teamMembers(ctx, claimingTeam._id),
      usersById(ctx, memberIds, [caller]),
    ]);
    const challenge = published(found);
    if (existing?.requestId === input.requestId) return claimPage(ctx, caller, challenge._id, claimingTeam._id);
    if (existing) throw new AppError('DUPLICATE', '本队已揭过这个榜，每支队伍对一个榜单只能揭榜一次');
    if (!leagueSubtree(orgs, [challenge.leagueOrgId]).has(claimingTeam.leagueOrgId)) {
      throw new AppError('STATE_CONFLICT', `该榜单面向${orgName(orgs, challenge.leagueOrgId)}所属的突击队`);
    }
    const closed = claimClosedReason(challenge, ctx.now());
    if (closed) throw new AppError('STATE_CONFLICT', closed);
    if (memberIds.some((userId) => !members.some((member) => member.userId === userId))) {
      throw new AppError('INVALID_INPUT', '参与成员须为本队成员');
    }
    const planned = plannedMilestones(input, challenge, ctx.now());

    const claimed = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', challenge._id);
      const now = ctx.now();
      if (!fresh) throw new AppError('STATE_CONFLICT', '找不到这个榜单');
      const reason = claimClosedReason(fresh, now);
      if (reason) throw new AppError('STATE_CONFLICT', reason);
      const again = await txFind(tx, 'claims', claimId);
      if (again?.requestId === input.requestId) return null;
      if (again) throw new AppError('DUPLICATE', '本队已揭过这个榜，每支队伍对一个榜单只能揭榜一次');
      const claim: Claim = {
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
        needId: challenge.solicit?.needId ?? null,
        enterpriseId: challenge.solicit?.enterpriseId ?? null,
      };
      await txSet(tx, 'claims', claim);
      await txUpdate(tx, 'challenges', challenge._id, { claimCount: ctx.db.command.inc(1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'claim',
        target: `claims/${claimId}`,
        orgId: challenge.leagueOrgId,
        teamId: claimingTeam._id,
        summary: `「${claimingTeam.name}」揭榜「${challenge.title}」`,
      });
      return { challenge: fresh, claim };
    });
    // The same request arriving twice at once: the other one wrote it; show what is stored.
    if (!claimed) return claimPage(ctx, caller, challenge._id, claimingTeam._id);
    // A new claim has no gates yet: they are made when it is selected.
    return claimPageView(caller, { ...claimed, milestones: [], users, orgs, role: membership.role }, ctx.now());
  },

  withdraw: async ({ ctx, caller, input, team, membership }) => {
    const claimId = claimIdOf(input.challengeId, team._id);
    const [stored, found, milestones, orgs] = await Promise.all([
      findById(ctx.db, 'claims', claimId),
      findById(ctx.db, 'challenges', input.challengeId),
      milestonesOf(ctx, [claimId]),
      loadOrgs(ctx),
    ]);
    const claim = existingClaim(stored);
    must(CLAIM_MACHINE, claim.status, 'withdraw', '评榜之后不能撤回揭榜');
    const challenge = published(found);
    const users = await usersById(ctx, peopleIn([claim], milestones), [caller]);
    const withdrawn = await ctx.db.runTransaction(async (tx): Promise<Claim> => {
      const fresh = await txFind(tx, 'claims', claim._id);
      const now = ctx.now();
      const next = must(CLAIM_MACHINE, fresh?.status ?? 'withdrawn', 'withdraw', '评榜之后不能撤回揭榜');
      const ended = { by: caller._id, at: now, reason: '队伍撤回揭榜' };
      await txUpdate(tx, 'claims', claim._id, { status: next, ended: ctx.db.command.set(ended) });
      await txUpdate(tx, 'challenges', claim.challengeId, { claimCount: ctx.db.command.inc(-1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'withdraw',
        target: `claims/${claim._id}`,
        orgId: challenge.leagueOrgId,
        teamId: claim.teamId,
        summary: `「${claim.teamName}」撤回揭榜`,
      });
      return { ...(fresh ?? claim), status: next, ended };
    });
    return claimPageView(caller, { challenge, claim: withdrawn, milestones, users, orgs, role: membership.role }, ctx.now());
  },

  claimDetail: async ({ ctx, caller, input }) => claimPage(ctx, caller, input.challengeId, input.teamId),

  reviewClaim: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const accept = input.decision === 'accept';
    const claimId = claimIdOf(current._id, input.teamId);
    // The caller's role on the team is read alongside (remembered for the outsider check below).
    const [stored, , applied, milestones, orgs] = await Promise.all([
      findById(ctx.db, 'claims', claimId),
      memberRole(ctx, input.teamId, caller._id),
      accept ? find(ctx.db, 'claims', { challengeId: current._id, status: 'applied' }) : Promise.resolve([]),
      milestonesOf(ctx, [claimId]),
      loadOrgs(ctx),
    ]);
    const claim = existingClaim(stored);
    await requireOutsider(ctx, caller, claim.teamId, OWN_TEAM_REVIEW);
    must(CLAIM_MACHINE, claim.status, accept ? 'accept' : 'reject', '这份揭榜已经评过了');
    if (accept) must(CHALLENGE_MACHINE, current.status, 'start', '该榜单当前不能评榜');
    const places = placesOf(current);
    // Claims that lose their chance if this acceptance fills the last place.
    const others = applied.filter((other) => other._id !== claim._id);
    const [leaders, users] = await Promise.all([
      leadersOf(ctx, [claim.teamId, ...others.map((other) => other.teamId)]),
      usersById(ctx, peopleIn([claim], milestones), [caller]),
    ]);

    const reviewed = await ctx.db.runTransaction(async (tx): Promise<{ claim: Claim; challenge: Challenge; milestones: Milestone[] }> => {
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
          orgId: current.leagueOrgId,
          teamId: claim.teamId,
          summary: `评榜未入选：${input.reason}`,
        });
        return { claim: { ...(fresh ?? claim), status: next, review, ended: review }, challenge: current, milestones };
      }
      const live = await txFind(tx, 'challenges', current._id);
      if (!live) throw new AppError('NOT_FOUND', '找不到这个榜单');
      const status = must(CHALLENGE_MACHINE, live.status, 'start', '该榜单当前不能评榜');
      if (live.acceptedCount >= places) throw new AppError('STATE_CONFLICT', `该榜单的 ${places} 个名额已满，不能再入选`);
      await txUpdate(tx, 'claims', claim._id, { status: next, review: ctx.db.command.set(review) });
      await txUpdate(tx, 'challenges', current._id, { status, acceptedCount: ctx.db.command.inc(1), updatedAt: now });
      const gates = claim.plan.milestones.map((planned, index): Milestone => ({
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
      }));
      for (const milestone of gates) await txSet(tx, 'milestones', milestone);
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
        orgId: current.leagueOrgId,
        teamId: claim.teamId,
        summary: `评榜入选「${claim.teamName}」`,
      });
      const accepted = {
        claim: { ...(fresh ?? claim), status: next, review },
        challenge: { ...live, status, acceptedCount: live.acceptedCount + 1, updatedAt: now },
        milestones: gates,
      };
      if (live.acceptedCount + 1 < places) return accepted;
      for (const other of others) {
        const waiting = await txFind(tx, 'claims', other._id);
        if (waiting?.status !== 'applied') continue;
        const ended = { by: caller._id, at: now, reason: '名额已满' };
        await txUpdate(tx, 'claims', other._id, {
          status: must(CLAIM_MACHINE, waiting.status, 'deselect', ''),
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
      return accepted;
    });
    // The reviewer stands outside the team (checked above).
    return claimPageView(caller, { ...reviewed, users, orgs, role: null }, ctx.now());
  },

  teamClaims: async ({ ctx, input }) => {
    const claims = await find(ctx.db, 'claims', { teamId: input.teamId }, { orderBy: [['appliedAt', 'desc']], limit: 100 });
    if (!claims.length) return [];
    const [challenges, milestones] = await Promise.all([
      byIds(
        ctx.db,
        'challenges',
        claims.map((claim) => claim.challengeId),
      ),
      milestonesOf(
        ctx,
        claims.map((claim) => claim._id),
      ),
    ]);
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

  ...gateHandlers,
} satisfies Partial<Handlers<'challenge'>>;

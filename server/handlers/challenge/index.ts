/** 揭榜挂帅, the organizer's side: draft, publish, edit with a change log, cancel, close with an outcome; the board. */
import { createHash } from 'node:crypto';
import {
  ACTIVE_CLAIM_STATUSES,
  BOARD_ACTIVE,
  BOARD_CLOSED,
  CHALLENGE_MACHINE,
  CLAIM_MACHINE,
  MILESTONE_MACHINE,
  claimClosedReason,
  closingOutcome,
  type ChallengeStatus,
  type Closing,
} from '../../../core/challenge-rules';
import { allows } from '../../../core/machine';
import { AppError } from '../../../core/errors';
import type { CreateChallengeInput } from '../../../core/schemas/challenge';
import { formatDate, shanghaiDayEnd } from '../../../core/time';
import type { Challenge, Claim, Member, Org, User } from '../../../core/types';
import type { ChallengeDetail } from '../../../core/views';
import { findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { isChallengeOrganizer, isChallengeReviewer } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { leagueSubtree, loadOrgs, managedLeagueOrgIds, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName, requireProfile } from '../../runtime/users';
import { challengeChangedMessage, claimClosedMessage, claimResultMessage } from './messages';
import { must } from '../../runtime/machine';
import { challengeCard, claimView, milestonesOf, peopleIn } from './views';
import { leadersOf, membershipsOf, usersById } from '../../runtime/lookups';

export const BOARD_PAGE_SIZE = 20;
const REVIEWER_CODE_LENGTH = 8;

type Details = Omit<CreateChallengeInput, 'leagueOrgId' | 'requestId'>;

/** The stored form of what the organizer wrote. */
function detailsOf(input: Details) {
  return {
    title: input.title,
    field: input.field,
    issuer: { unitName: input.issuerUnit, contactName: input.issuerContact, contactPhone: input.issuerPhone ?? '' },
    background: input.background,
    targets: input.targets.map((target) => ({ indicator: target.indicator, value: target.value, unit: target.unit ?? '' })),
    deliverables: input.deliverables,
    claimDeadline: shanghaiDayEnd(input.claimDeadline),
    deliveryDeadline: shanghaiDayEnd(input.deliveryDeadline),
    mode: input.mode,
    maxTeams: input.mode === 'single' ? 1 : input.maxTeams,
    reward: input.reward ?? '',
  };
}

async function screen(ctx: Ctx, details: ReturnType<typeof detailsOf>) {
  return checkText(
    ctx,
    1,
    details.title,
    details.issuer.unitName,
    details.issuer.contactName,
    details.background,
    details.deliverables,
    details.reward,
    ...details.targets.flatMap((target) => [target.indicator, target.value, target.unit]),
  );
}

function requireFutureDeadline(claimDeadline: number, now: number): void {
  if (claimDeadline < now) throw new AppError('INVALID_INPUT', '揭榜截止日期不能早于今天');
}

async function activeClaims(ctx: Ctx, challengeId: string): Promise<Claim[]> {
  return findMany(
    'claims',
    ctx.db
      .collection('claims')
      .where({ challengeId, status: ctx.db.command.in(ACTIVE_CLAIM_STATUSES) })
      .limit(1000),
  );
}

/** What changed in the fields claiming teams rely on, in words; empty when nothing did. */
function describeChanges(before: Challenge, after: ReturnType<typeof detailsOf>): { fields: string[]; note: string } {
  const fields: string[] = [];
  const notes: string[] = [];
  if (JSON.stringify(before.targets) !== JSON.stringify(after.targets)) {
    fields.push('targets');
    notes.push(`考核指标调整为：${after.targets.map((t) => `${t.indicator} ${t.value}${t.unit}`).join('；')}`);
  }
  if (before.claimDeadline !== after.claimDeadline) {
    fields.push('claimDeadline');
    notes.push(`揭榜截止日期 ${formatDate(before.claimDeadline)} → ${formatDate(after.claimDeadline)}`);
  }
  if (before.deliveryDeadline !== after.deliveryDeadline) {
    fields.push('deliveryDeadline');
    notes.push(`交付截止日期 ${formatDate(before.deliveryDeadline)} → ${formatDate(after.deliveryDeadline)}`);
  }
  return { fields, note: notes.join('；') };
}

/** Registered teams the caller leads within the publishing org's reach, and whether each has claimed. */
async function leaderTeams(ctx: Ctx, challenge: Challenge, orgs: Org[], memberships: Member[], claimed: Set<string>) {
  const ledIds = memberships.filter((member) => member.role === 'leader').map((member) => member.teamId);
  if (!ledIds.length) return [];
  const led = await findMany(
    'teams',
    ctx.db
      .collection('teams')
      .where({ _id: ctx.db.command.in(ledIds), status: 'registered' })
      .limit(100),
  );
  const eligibleOrgs = leagueSubtree(orgs, [challenge.leagueOrgId]);
  return led
    .filter((team) => eligibleOrgs.has(team.leagueOrgId))
    .map((team) => ({ teamId: team._id, teamName: team.name, claimed: claimed.has(team._id) }));
}

export async function challengeDetail(ctx: Ctx, caller: User, challengeId: string): Promise<ChallengeDetail> {
  const challenge = await findById(ctx.db, 'challenges', challengeId);
  const canManage = challenge ? await isChallengeOrganizer(ctx, caller, challenge) : false;
  if (!challenge || (challenge.status === 'draft' && !canManage)) throw new AppError('NOT_FOUND', '找不到这个榜单，可能已被撤下');
  const now = ctx.now();
  const canReview = await isChallengeReviewer(ctx, caller, challenge);
  const claims = await findMany(
    'claims',
    ctx.db.collection('claims').where({ challengeId }).orderBy('appliedAt', 'asc').orderBy('_id', 'asc').limit(1000),
  );
  const milestones = await milestonesOf(
    ctx,
    claims.map((claim) => claim._id),
  );
  const myMemberships = await membershipsOf(ctx, caller._id);
  const myTeamIds = new Set(myMemberships.map((member) => member.teamId));
  const orgs = await loadOrgs(ctx);
  const users = await usersById(ctx, [
    ...peopleIn(claims, milestones),
    challenge.reviewerId ?? '',
    ...challenge.changes.map((change) => change.by),
  ]);

  const involved = canReview || claims.some((claim) => myTeamIds.has(claim.teamId));
  const winnerNames = (challenge.outcome?.winners ?? []).map((teamId) => claims.find((claim) => claim.teamId === teamId)?.teamName ?? '');

  return {
    ...challengeCard(challenge, now),
    background: challenge.background,
    targets: challenge.targets,
    deliverables: challenge.deliverables,
    leagueOrgId: challenge.leagueOrgId,
    leagueOrgName: orgName(orgs, challenge.leagueOrgId),
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
      leaderTeams: await leaderTeams(ctx, challenge, orgs, myMemberships, new Set(claims.map((claim) => claim.teamId))),
      claimClosedReason: claimClosedReason(challenge, now),
    },
  };
}

function boardStatuses(filter: 'active' | 'closed' | 'draft' | 'all'): ChallengeStatus[] {
  if (filter === 'active') return BOARD_ACTIVE;
  if (filter === 'closed') return BOARD_CLOSED;
  if (filter === 'draft') return ['draft'];
  return [...BOARD_ACTIVE, ...BOARD_CLOSED];
}

/** Regex metacharacters in a user's keyword are searched for literally. */
function literal(keyword: string): string {
  return keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const challengeHandlers = {
  board: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const conditions: object[] = [{ status: _.in(boardStatuses(input.status)) }];
    if (input.status === 'draft') {
      const managed = managedLeagueOrgIds(await loadOrgs(ctx), caller);
      conditions.push({ leagueOrgId: _.in([...managed]) });
    }
    if (input.field) conditions.push({ field: input.field });
    if (input.mode) conditions.push({ mode: input.mode });
    if (input.keyword) {
      const pattern = ctx.db.RegExp({ regexp: literal(input.keyword), options: 'i' });
      conditions.push(_.or([{ title: pattern }, { 'issuer.unitName': pattern }]));
    }
    const direction = input.status === 'active' || input.status === 'draft' ? 'asc' : 'desc';
    if (input.cursor) conditions.push(afterCursor(_, 'claimDeadline', input.cursor, direction));
    const items = await findMany(
      'challenges',
      ctx.db
        .collection('challenges')
        .where(_.and(conditions))
        .orderBy('claimDeadline', direction)
        .orderBy('_id', direction)
        .limit(BOARD_PAGE_SIZE),
    );
    const now = ctx.now();
    return {
      items: items.map((challenge) => challengeCard(challenge, now)),
      nextCursor: nextCursorOf(items, BOARD_PAGE_SIZE, (challenge) => challenge.claimDeadline),
    };
  },

  detail: async ({ ctx, caller, input }) => challengeDetail(ctx, caller, input.challengeId),

  /** The challenges a bound issuer contact reviews, newest deadline first. */
  reviewing: async ({ ctx, caller }) => {
    const challenges = await findMany(
      'challenges',
      ctx.db
        .collection('challenges')
        .where({ reviewerId: caller._id, status: ctx.db.command.neq('draft') })
        .orderBy('claimDeadline', 'desc')
        .limit(100),
    );
    const now = ctx.now();
    return challenges.map((challenge) => challengeCard(challenge, now));
  },

  create: async ({ ctx, caller, input }) => {
    requireProfile(caller, '发布榜单');
    const orgs = await loadOrgs(ctx);
    if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) {
      throw new AppError('FORBIDDEN', '只能以你管理的团组织名义发榜');
    }
    const challengeId = `c${createHash('sha1').update(`${caller._id}:${input.requestId}`).digest('hex').slice(0, 20)}`;
    if (await findById(ctx.db, 'challenges', challengeId)) return challengeDetail(ctx, caller, challengeId);
    const details = detailsOf(input);
    requireFutureDeadline(details.claimDeadline, ctx.now());
    const verdict = await screen(ctx, details);
    const reviewerCode = await uniqueCode(ctx, 'challenges', 'reviewerCode', REVIEWER_CODE_LENGTH);

    await ctx.db.runTransaction(async (tx) => {
      if (await txFind(tx, 'challenges', challengeId)) return;
      const now = ctx.now();
      const challenge: Challenge = {
        _id: challengeId,
        ...details,
        leagueOrgId: input.leagueOrgId,
        reviewerId: null,
        reviewerCode,
        status: 'draft',
        claimCount: 0,
        acceptedCount: 0,
        createdBy: caller._id,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
        changes: [],
        cancelled: null,
        outcome: null,
        ...(verdict === 'review' ? { contentFlag: 'review' as const } : {}),
      };
      await txSet(tx, 'challenges', challenge);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'create',
        target: `challenges/${challengeId}`,
        summary: `起草榜单「${challenge.title}」`,
      });
    });
    return challengeDetail(ctx, caller, challengeId);
  },

  update: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    must(CHALLENGE_MACHINE, current.status, 'edit', '榜单已结束，不能再修改');
    const details = detailsOf(input);
    const published = current.status !== 'draft';
    if (published && (details.mode !== current.mode || details.maxTeams !== current.maxTeams)) {
      throw new AppError('STATE_CONFLICT', '发榜后不能修改揭榜模式和并行队伍数');
    }
    if (details.claimDeadline !== current.claimDeadline) requireFutureDeadline(details.claimDeadline, ctx.now());
    const verdict = await screen(ctx, details);
    const change = published ? describeChanges(current, details) : { fields: [], note: '' };
    const claims = change.fields.length ? await activeClaims(ctx, current._id) : [];
    const leaders = await leadersOf(
      ctx,
      claims.map((claim) => claim.teamId),
    );

    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (!fresh || fresh.status !== current.status) throw new AppError('STATE_CONFLICT', '榜单状态刚刚发生了变化，请刷新后再改');
      const now = ctx.now();
      const data: DocData = {
        ...details,
        issuer: ctx.db.command.set(details.issuer),
        targets: ctx.db.command.set(details.targets),
        updatedAt: now,
      };
      if (verdict === 'review') data.contentFlag = 'review';
      if (change.fields.length) data.changes = ctx.db.command.set([...fresh.changes, { at: now, by: caller._id, ...change }]);
      await txUpdate(tx, 'challenges', current._id, data);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'update',
        target: `challenges/${current._id}`,
        summary: change.note ? `修改榜单：${change.note}` : '修改榜单内容',
      });
      for (const claim of claims) {
        const leaderId = leaders.get(claim.teamId);
        if (!leaderId) continue;
        const body = `发榜方修改了「${details.title}」：${change.note}。请按新的要求调整攻关计划。`;
        await enqueue(tx, now, challengeChangedMessage(current, leaderId, now, '考核要求或时间节点变更', body));
      }
    });
    return challengeDetail(ctx, caller, current._id);
  },

  publish: async ({ ctx, caller, challenge }) => {
    const current = challenge;
    const next = must(CHALLENGE_MACHINE, current.status, 'publish', '只有草稿可以发榜');
    if (current.claimDeadline < ctx.now()) throw new AppError('STATE_CONFLICT', '揭榜截止日期已过，请先修改日期再发榜');
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (fresh?.status !== 'draft') throw new AppError('STATE_CONFLICT', '只有草稿可以发榜');
      const now = ctx.now();
      await txUpdate(tx, 'challenges', current._id, { status: next, publishedAt: now, updatedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'publish',
        target: `challenges/${current._id}`,
        summary: `发榜「${current.title}」`,
      });
    });
    return challengeDetail(ctx, caller, current._id);
  },

  /** A draft nobody else has seen is deleted outright; a published challenge is cancelled or closed instead. */
  discard: async ({ ctx, caller, challenge }) => {
    const current = challenge;
    const refusal = '只有草稿可以删除；发布过的榜单请撤榜或结榜';
    if (current.status !== 'draft') throw new AppError('STATE_CONFLICT', refusal);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (fresh?.status !== 'draft') throw new AppError('STATE_CONFLICT', refusal);
      await tx.collection('challenges').doc(current._id).remove();
      await audit(tx, {
        at: ctx.now(),
        actor: caller._id,
        fn: 'challenge',
        action: 'discard',
        target: `challenges/${current._id}`,
        summary: `删除榜单草稿「${current.title}」`,
      });
    });
    return { discarded: true as const };
  },

  cancel: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const next = must(CHALLENGE_MACHINE, current.status, 'cancel', '已有队伍入选的榜单不能撤销，请以「未成功」结榜并写明原因');
    const claims = await activeClaims(ctx, current._id);
    const leaders = await leadersOf(
      ctx,
      claims.map((claim) => claim.teamId),
    );
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (!fresh) throw new AppError('NOT_FOUND', '找不到这个榜单');
      must(CHALLENGE_MACHINE, fresh.status, 'cancel', '榜单状态刚刚发生了变化，请刷新后再试');
      const now = ctx.now();
      const decision = { by: caller._id, at: now, reason: input.reason };
      await txUpdate(tx, 'challenges', current._id, { status: next, cancelled: ctx.db.command.set(decision), updatedAt: now });
      for (const claim of claims) {
        const stored = await txFind(tx, 'claims', claim._id);
        if (stored?.status !== 'applied') continue;
        await txUpdate(tx, 'claims', claim._id, {
          status: must(CLAIM_MACHINE, stored.status, 'cancel', ''),
          ended: ctx.db.command.set(decision),
        });
        const leaderId = leaders.get(claim.teamId);
        if (leaderId) {
          await enqueue(
            tx,
            now,
            claimResultMessage(
              current,
              claim,
              leaderId,
              { event: 'cancelled', phrase: '已撤榜', body: `发榜方撤销了该榜单，原因：${input.reason}。`, note: input.reason },
              now,
            ),
          );
        }
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'cancel',
        target: `challenges/${current._id}`,
        summary: `撤榜：${input.reason}`,
      });
    });
    return challengeDetail(ctx, caller, current._id);
  },

  close: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const success = input.result === 'success';
    const next = must(
      CHALLENGE_MACHINE,
      current.status,
      success ? 'succeed' : 'fail',
      success ? '还没有入选的队伍，不能以夺榜结榜' : '该榜单当前不能结榜',
    );
    const claims = await activeClaims(ctx, current._id);
    const accepted = new Set(claims.filter((claim) => claim.status === 'accepted').map((claim) => claim.teamId));
    const winners = [...new Set(input.winners)];
    if (current.mode === 'single' && winners.length > 1) throw new AppError('INVALID_INPUT', '单一擂主模式只能有一支夺榜队伍');
    if (winners.some((teamId) => !accepted.has(teamId))) throw new AppError('INVALID_INPUT', '夺榜队伍必须是仍在攻关中的入选队伍');
    const milestones = await milestonesOf(
      ctx,
      claims.map((claim) => claim._id),
    );
    const leaders = await leadersOf(
      ctx,
      claims.map((claim) => claim.teamId),
    );
    const closing: Closing = {
      result: input.result,
      summary: input.summary,
      winners: claims.filter((claim) => winners.includes(claim.teamId)),
    };

    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (fresh?.status !== current.status) throw new AppError('STATE_CONFLICT', '榜单状态刚刚发生了变化，请刷新后再试');
      const now = ctx.now();
      const outcome = { result: input.result, by: caller._id, at: now, summary: input.summary, winners };
      await txUpdate(tx, 'challenges', current._id, { status: next, outcome: ctx.db.command.set(outcome), updatedAt: now });
      for (const claim of claims) {
        const stored = await txFind(tx, 'claims', claim._id);
        if (!stored || !ACTIVE_CLAIM_STATUSES.includes(stored.status)) continue;
        const own = milestones.filter((milestone) => milestone.claimId === claim._id);
        const allPassed = own.length > 0 && own.every((milestone) => milestone.status === 'passed');
        const { event, note } = closingOutcome({ status: stored.status, teamId: claim.teamId, allPassed }, closing);
        const status = must(CLAIM_MACHINE, stored.status, event, '');
        await txUpdate(tx, 'claims', claim._id, { status, ended: ctx.db.command.set({ by: caller._id, at: now, reason: note }) });
        for (const milestone of own.filter((m) => allows(MILESTONE_MACHINE, m.status, 'close'))) {
          await txUpdate(tx, 'milestones', milestone._id, { status: must(MILESTONE_MACHINE, milestone.status, 'close', '') });
        }
        const leaderId = leaders.get(claim.teamId);
        if (leaderId) await enqueue(tx, now, claimClosedMessage(current, claim, leaderId, { event, status, note }, now));
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'close',
        target: `challenges/${current._id}`,
        summary: success ? `结榜：夺榜 ${winners.length} 队` : `结榜：未成功，${input.summary}`,
      });
    });
    return challengeDetail(ctx, caller, current._id);
  },

  bindReviewer: async ({ ctx, caller, input }) => {
    requireProfile(caller, '绑定为评审联系人');
    const [found] = await findMany('challenges', ctx.db.collection('challenges').where({ reviewerCode: input.code }).limit(1));
    if (!found || found.status === 'cancelled') throw new AppError('NOT_FOUND', '评审码无效，请向发榜团组织核对');
    if (found.reviewerId === caller._id) return challengeDetail(ctx, caller, found._id);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', found._id);
      if (!fresh) throw new AppError('NOT_FOUND', '评审码无效，请向发榜团组织核对');
      if (fresh.reviewerId) throw new AppError('STATE_CONFLICT', '该榜单已绑定出题单位联系人，如需更换请联系发榜团组织');
      const now = ctx.now();
      await txUpdate(tx, 'challenges', found._id, { reviewerId: caller._id, updatedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'bindReviewer',
        target: `challenges/${found._id}`,
        summary: '出题单位联系人绑定为评审',
      });
    });
    return challengeDetail(ctx, caller, found._id);
  },
} satisfies Partial<Handlers<'challenge'>>;

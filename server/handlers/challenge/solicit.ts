/**
 * 征榜 before 发榜 (issue 17 §3): on a draft made from an enterprise need the organizer records the
 * issuer's commitments, the enterprise contact confirms them, and named expert reviewers (bound by
 * a one-time code, see solicit-bind.ts) approve the draft or return it with comments. The publish
 * gate in index.ts reads the same record.
 */
import { formatOrgCode } from '../../../core/admin-rules';
import { AppError } from '../../../core/errors';
import { EXPERT_VERDICT_LABELS, ROLE_CODE_DAYS } from '../../../core/need-rules';
import { MAX_EXPERTS, nextExpertSlot, reopenedReviews } from '../../../core/solicit-rules';
import type { Challenge, ExpertSlot, RemovedExpert, Solicitation } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Handlers } from '../../runtime/function';
import { takesNeedsIn } from '../../runtime/need-roles';
import { enterpriseContactsOf, recordNeedStep } from '../../runtime/need-steps';
import { organizersOf } from '../../runtime/orgs';
import { enqueue, type OutgoingMessage } from '../../runtime/outbox';
import { newRoleCode } from '../../runtime/role-codes';
import { detailView, readClaims, readDetail, readNames } from './detail';
import { challengeChangedMessage } from './messages';

type SolicitDraft = Challenge & { solicit: Solicitation };

/** A challenge that is still a 征榜 draft; STATE_CONFLICT (with `refusal`) otherwise. */
export function solicitDraft(challenge: Challenge | null, refusal: string): SolicitDraft {
  if (!challenge) throw new AppError('NOT_FOUND', '找不到这个榜单');
  const { solicit } = challenge;
  if (!solicit || challenge.status !== 'draft') throw new AppError('STATE_CONFLICT', refusal);
  return { ...challenge, solicit };
}

/** Tells the bound experts whose verdict a change set back to pending that the draft needs their review again. */
export function reReviewMessages(
  challenge: Pick<Challenge, '_id' | 'title'>,
  before: ExpertSlot[],
  what: string,
  now: number,
): OutgoingMessage[] {
  return before.flatMap((expert) =>
    expert.userId && expert.verdict !== 'pending'
      ? [
          challengeChangedMessage(
            challenge,
            expert.userId,
            now,
            '征榜内容已修改，请重新评审',
            `${what}，你此前的评审结论已失效，请重新评审。`,
          ),
        ]
      : [],
  );
}

type Terms = { resources: string; reward: string; acceptance: string };
const sameTerms = (stored: Terms | null, terms: Terms) =>
  !!stored && stored.resources === terms.resources && stored.reward === terms.reward && stored.acceptance === terms.acceptance;

const NOT_SOLICIT = '只有由企业需求转成、尚未发布的征榜草稿可以进行此操作';

/**
 * The unbound slot `name` already holds (its code is issued again: a retry or a lost code adds no
 * second slot), or null for a new slot. A bound name and a full panel are refused.
 */
function slotNamed(solicit: Solicitation, name: string): ExpertSlot | null {
  const same = solicit.experts.find((expert) => expert.name === name) ?? null;
  if (same?.userId) {
    throw new AppError('STATE_CONFLICT', `${name}已用评审码绑定，无需重新生成；如另请一位同名专家，请在姓名后注明单位以示区分`);
  }
  if (!same && solicit.experts.length >= MAX_EXPERTS) throw new AppError('STATE_CONFLICT', `每个榜单最多邀请 ${MAX_EXPERTS} 位评审专家`);
  return same;
}

/** Where a removed expert's notice leads: the list of what they review (the draft itself is no longer theirs to open). */
const REVIEWING_PAGE = 'packages/challenge/reviewing/index';

export const solicitHandlers = {
  /** Any change clears the enterprise's confirmation and sends the experts back to review (they approved something else). */
  setCommitments: async ({ ctx, caller, input, challenge, contentVerdict }) => {
    const { solicit } = solicitDraft(challenge, NOT_SOLICIT);
    const terms = { resources: input.resources, reward: input.reward, acceptance: input.acceptance };
    const [data, contacts] = await Promise.all([readDetail(ctx, caller, challenge), enterpriseContactsOf(ctx.db, solicit.enterpriseId)]);
    if (sameTerms(solicit.commitments, terms)) return detailView(caller, challenge, data, ctx.now());

    const updated = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const [stored, need] = await Promise.all([txFind(tx, 'challenges', challenge._id), txFind(tx, 'needs', solicit.needId)]);
      const fresh = solicitDraft(stored, NOT_SOLICIT);
      const current = fresh.solicit;
      const now = ctx.now();
      const next: Solicitation = {
        ...current,
        commitments: { ...terms, by: caller._id, at: now },
        commitmentsConfirmed: null,
        experts: reopenedReviews(current.experts),
      };
      const patch: DocData = { solicit: ctx.db.command.set(next), updatedAt: now };
      if (contentVerdict === 'review') patch.contentFlag = 'review';
      await txUpdate(tx, 'challenges', challenge._id, patch);
      if (need) {
        const step = { at: now, by: caller._id, kind: 'edited' as const, note: '团组织更新了出题方承诺，请确认' };
        await recordNeedStep(ctx.db, tx, need, step, { contacts, key: `commitments_${challenge._id}_${now}` });
      }
      for (const message of reReviewMessages(challenge, current.experts, '出题方承诺已更新', now)) await enqueue(tx, now, message);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'setCommitments',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: current.commitments ? '修改出题方承诺，待企业重新确认' : '录入出题方承诺，待企业确认',
      });
      return { ...fresh, solicit: next, updatedAt: now, ...(contentVerdict === 'review' ? { contentFlag: 'review' as const } : {}) };
    });
    return detailView(caller, updated, data, ctx.now());
  },

  confirmCommitments: async ({ ctx, caller, challenge }) => {
    const { solicit } = solicitDraft(challenge, '榜单已发布或不是征榜草稿，不能再确认出题方承诺');
    const commitments = solicit.commitments;
    if (!commitments) throw new AppError('STATE_CONFLICT', '团组织还没有录入出题方承诺，请稍后再确认');
    const [data, contacts] = await Promise.all([readDetail(ctx, caller, challenge), enterpriseContactsOf(ctx.db, solicit.enterpriseId)]);
    // The org's own people (who may also hold an enterprise role) never confirm what their org asks of the enterprise.
    if (takesNeedsIn(data.orgs, caller, challenge.leagueOrgId)) {
      throw new AppError('FORBIDDEN', '发榜团组织的管理员和接单干部不能代企业确认出题方承诺，请由企业的其他联系人确认');
    }
    if (solicit.commitmentsConfirmed) return detailView(caller, challenge, data, ctx.now());

    const updated = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const [stored, need] = await Promise.all([txFind(tx, 'challenges', challenge._id), txFind(tx, 'needs', solicit.needId)]);
      const fresh = solicitDraft(stored, '榜单已发布，不能再确认出题方承诺');
      const current = fresh.solicit;
      if (current.commitments?.at !== commitments.at) throw new AppError('STATE_CONFLICT', '出题方承诺刚刚被团组织修改，请查看后重新确认');
      if (current.commitmentsConfirmed) return fresh;
      const now = ctx.now();
      const next: Solicitation = { ...current, commitmentsConfirmed: { by: caller._id, at: now } };
      await txUpdate(tx, 'challenges', challenge._id, { solicit: ctx.db.command.set(next), updatedAt: now });
      if (need) {
        const step = {
          at: now,
          by: caller._id,
          kind: 'commitmentsConfirmed' as const,
          note: `企业确认了榜单「${challenge.title}」的出题方承诺`,
        };
        await recordNeedStep(ctx.db, tx, need, step, { contacts, key: `commitmentsConfirmed_${challenge._id}_${commitments.at}` });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'confirmCommitments',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: `企业确认「${challenge.title}」的出题方承诺`,
      });
      return { ...fresh, solicit: next, updatedAt: now };
    });
    return detailView(caller, updated, data, ctx.now());
  },

  /**
   * A named slot and its one-time code, shown once: the expert redeems it with need.redeemCode. The
   * name of a slot still waiting for its expert gets a fresh code for that slot, and the old code is retired.
   */
  inviteExpert: async ({ ctx, caller, input, challenge, contentVerdict }) => {
    const refusal = '只有尚未发布的征榜草稿可以邀请评审专家';
    slotNamed(solicitDraft(challenge, refusal).solicit, input.name);
    return ctx.db.runTransaction(async (tx) => {
      const current = solicitDraft(await txFind(tx, 'challenges', challenge._id), refusal).solicit;
      const again = slotNamed(current, input.name);
      const now = ctx.now();
      const slot = again ? again.slot : nextExpertSlot(current);
      const label = `征榜评审：${challenge.title}`;
      const { code, record } = newRoleCode(now, {
        kind: 'expert',
        scopeId: `${challenge._id}_${slot}`,
        orgId: challenge.leagueOrgId,
        label,
        issuedBy: caller._id,
      });
      const expert: ExpertSlot = again
        ? { ...again, codeId: record._id }
        : { slot, name: input.name, userId: null, verdict: 'pending', comment: '', at: null, codeId: record._id };
      const experts = again
        ? current.experts.map((candidate) => (candidate.slot === slot ? expert : candidate))
        : [...current.experts, expert];
      const patch: DocData = { solicit: ctx.db.command.set({ ...current, experts }), updatedAt: now };
      if (contentVerdict === 'review') patch.contentFlag = 'review';
      await txUpdate(tx, 'challenges', challenge._id, patch);
      await txSet(tx, 'roleCodes', record);
      // The slot is unbound, so its old code is unused: it expires now (the binder also refuses any code but the slot's current one).
      if (again?.codeId) await txUpdate(tx, 'roleCodes', again.codeId, { expiresAt: now });
      const days = `评审码 ${ROLE_CODE_DAYS.expert} 天有效`;
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'inviteExpert',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: again ? `重新生成评审专家${input.name}的评审码（原评审码作废，${days}）` : `邀请评审专家${input.name}（${days}）`,
      });
      return { code: formatOrgCode(code), kind: 'expert' as const, label, expiresAt: record.expiresAt };
    });
  },

  /**
   * Takes an expert off the review (never bound, or no longer able to review), kept on record with
   * the reason; a bound expert and the enterprise are told. Publishing then waits on the others.
   */
  removeExpert: async ({ ctx, caller, input, challenge, contentVerdict }) => {
    const refusal = '榜单已发布，征榜评审已经结束，不能再移除评审专家';
    const gone = '找不到这位评审专家，可能已被移除，请刷新后再试';
    const { solicit } = solicitDraft(challenge, refusal);
    const removedBefore = (current: Solicitation) => (current.removedExperts ?? []).some((expert) => expert.slot === input.slot);
    if (!solicit.experts.some((expert) => expert.slot === input.slot) && !removedBefore(solicit)) throw new AppError('NOT_FOUND', gone);
    const [data, contacts] = await Promise.all([readDetail(ctx, caller, challenge), enterpriseContactsOf(ctx.db, solicit.enterpriseId)]);
    // Removed already: the answer to a retry whose first answer was lost.
    if (removedBefore(solicit)) return detailView(caller, challenge, data, ctx.now());

    const updated = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const [stored, need] = await Promise.all([txFind(tx, 'challenges', challenge._id), txFind(tx, 'needs', solicit.needId)]);
      const fresh = solicitDraft(stored, refusal);
      const current = fresh.solicit;
      const expert = current.experts.find((candidate) => candidate.slot === input.slot);
      if (!expert) {
        if (removedBefore(current)) return fresh;
        throw new AppError('NOT_FOUND', gone);
      }
      const now = ctx.now();
      const removed: RemovedExpert = { ...expert, removed: { by: caller._id, at: now, reason: input.reason } };
      const next: Solicitation = {
        ...current,
        experts: current.experts.filter((candidate) => candidate.slot !== expert.slot),
        removedExperts: [...(current.removedExperts ?? []), removed],
      };
      const expertIds = (fresh.expertIds ?? []).filter((id) => id !== expert.userId);
      const patch: DocData = { solicit: ctx.db.command.set(next), expertIds: ctx.db.command.set(expertIds), updatedAt: now };
      if (contentVerdict === 'review') patch.contentFlag = 'review';
      await txUpdate(tx, 'challenges', challenge._id, patch);
      if (!expert.userId && expert.codeId) await txUpdate(tx, 'roleCodes', expert.codeId, { expiresAt: now });
      if (need) {
        const step = {
          at: now,
          by: caller._id,
          kind: 'edited' as const,
          note: `团组织移除了评审专家${expert.name}，原因：${input.reason}`,
        };
        await recordNeedStep(ctx.db, tx, need, step, { contacts, key: `expertRemoved_${challenge._id}_${expert.slot}` });
      }
      if (expert.userId) {
        const body = `发榜团组织将你从「${challenge.title}」的征榜评审中移除，原因：${input.reason}。你此前的评审记录会保留。`;
        const message = challengeChangedMessage(challenge, expert.userId, now, '你已不再担任征榜评审专家', body);
        await enqueue(tx, now, { ...message, page: REVIEWING_PAGE });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'removeExpert',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: `移除评审专家${expert.name}：${input.reason}`,
      });
      return {
        ...fresh,
        solicit: next,
        expertIds,
        updatedAt: now,
        ...(contentVerdict === 'review' ? { contentFlag: 'review' as const } : {}),
      };
    });
    return detailView(caller, updated, data, ctx.now());
  },

  /** A returned draft tells the organizers over it, with the comment. */
  expertReview: async ({ ctx, caller, input, challenge, slot, contentVerdict }) => {
    const refusal = '榜单已发布，征榜评审已经结束';
    const own = solicitDraft(challenge, refusal).solicit.experts.find((expert) => expert.slot === slot);
    const returned = input.verdict === 'returned';
    const first = await readClaims(ctx, caller, challenge._id);
    const [data, organizers] = await Promise.all([
      readNames(ctx, caller, challenge, first),
      returned ? organizersOf(ctx.db, first.orgs, challenge.leagueOrgId) : Promise.resolve([]),
    ]);
    if (own?.verdict === input.verdict && own.comment === input.comment) return detailView(caller, challenge, data, ctx.now());

    const updated = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const fresh = solicitDraft(await txFind(tx, 'challenges', challenge._id), refusal);
      const current = fresh.solicit;
      const expert = current.experts.find((candidate) => candidate.slot === slot && candidate.userId === caller._id);
      if (!expert) throw new AppError('STATE_CONFLICT', '你的评审席位刚刚发生了变化，请刷新后再试');
      const now = ctx.now();
      const reviewed: ExpertSlot = { ...expert, verdict: input.verdict, comment: input.comment, at: now };
      const next: Solicitation = {
        ...current,
        experts: current.experts.map((candidate) => (candidate.slot === slot ? reviewed : candidate)),
      };
      const patch: DocData = { solicit: ctx.db.command.set(next), updatedAt: now };
      if (contentVerdict === 'review') patch.contentFlag = 'review';
      await txUpdate(tx, 'challenges', challenge._id, patch);
      const verdict = EXPERT_VERDICT_LABELS[input.verdict];
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'expertReview',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: `评审专家${expert.name}：${verdict}${input.comment ? `（${input.comment}）` : ''}`,
      });
      if (returned) {
        const body = `评审专家${expert.name}将「${challenge.title}」退回修改，意见：${input.comment}`;
        for (const userId of organizers) await enqueue(tx, now, challengeChangedMessage(challenge, userId, now, '征榜评审退回修改', body));
      }
      return { ...fresh, solicit: next, updatedAt: now, ...(contentVerdict === 'review' ? { contentFlag: 'review' as const } : {}) };
    });
    return detailView(caller, updated, data, ctx.now());
  },
} satisfies Partial<Handlers<'challenge'>>;

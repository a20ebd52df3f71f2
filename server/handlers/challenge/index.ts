/**
 * 揭榜挂帅, the organizer's side: draft, publish, edit with a change log, bind the issuer's reviewer; the board.
 * Cancel and close are in ending.ts; the 征榜 review of a need-born draft (and its publish gate) in solicit.ts.
 */
import { BOARD_ACTIVE, BOARD_CLOSED, CHALLENGE_MACHINE, type ChallengeStatus } from '../../../core/challenge-rules';
import { AppError } from '../../../core/errors';
import type { CreateChallengeInput } from '../../../core/schemas/challenge';
import { publishRefusal, reopenedReviews, solicitBlockers } from '../../../core/solicit-rules';
import { formatDate, shanghaiDayEnd } from '../../../core/time';
import type { Challenge } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find } from '../../db/query';
import type { DocData } from '../../db/types';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import type { Handlers } from '../../runtime/function';
import { leadersOf, membershipsOf } from '../../runtime/lookups';
import { must } from '../../runtime/machine';
import { keyedId } from '../../runtime/keyed-id';
import { enterpriseContactsOf, recordNeedStep } from '../../runtime/need-steps';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { requireProfile } from '../../runtime/users';
import { challengeDetail, detailView, readClaims, readDetail, readNames } from './detail';
import { endingHandlers, isActive } from './ending';
import { challengeChangedMessage } from './messages';
import { reReviewMessages, solicitHandlers } from './solicit';
import { challengeCard } from './views';

export const BOARD_PAGE_SIZE = 20;
const SOLICIT_KEPT = '由企业需求转成的征榜草稿已有企业和评审专家参与，不能删除；不再发榜请撤榜并写明原因';
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

function requireFutureDeadline(claimDeadline: number, now: number): void {
  if (claimDeadline < now) throw new AppError('INVALID_INPUT', '揭榜截止日期不能早于今天');
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

function boardStatuses(filter: 'active' | 'closed' | 'draft' | 'all'): ChallengeStatus[] {
  if (filter === 'active') return BOARD_ACTIVE;
  if (filter === 'closed') return BOARD_CLOSED;
  if (filter === 'draft') return ['draft'];
  return [...BOARD_ACTIVE, ...BOARD_CLOSED];
}

/** Whether an edit leaves what the organizer wrote as it was (a retried save is not a new version to review). */
function sameDetails(stored: Challenge, details: ReturnType<typeof detailsOf>): boolean {
  // Key order of stored objects is the database's: compare with keys sorted.
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : 1)))
        : inner,
    );
  return (Object.keys(details) as (keyof typeof details)[]).every((key) => canonical(stored[key]) === canonical(details[key]));
}

/** The publish gate of a 征榜 draft: STATE_CONFLICT listing what is still missing. */
function requireSolicited(challenge: Challenge): void {
  const blockers = challenge.solicit ? solicitBlockers(challenge.solicit) : [];
  if (blockers.length) throw new AppError('STATE_CONFLICT', publishRefusal(blockers));
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
    const items = await find(ctx.db, 'challenges', _.and(conditions), {
      orderBy: [
        ['claimDeadline', direction],
        ['_id', direction],
      ],
      limit: BOARD_PAGE_SIZE,
    });
    const now = ctx.now();
    return {
      items: items.map((challenge) => challengeCard(challenge, now)),
      nextCursor: nextCursorOf(items, BOARD_PAGE_SIZE, (challenge) => challenge.claimDeadline),
    };
  },

  detail: async ({ ctx, caller, input }) => challengeDetail(ctx, caller, input.challengeId),

  /** The challenges a bound issuer contact reviews and the 征榜 drafts (and later challenges) an expert reviews, newest deadline first. */
  reviewing: async ({ ctx, caller }) => {
    const newestFirst = { orderBy: [['claimDeadline', 'desc']] as [string, 'desc'][], limit: 100 };
    const [asReviewer, asExpert] = await Promise.all([
      find(ctx.db, 'challenges', { reviewerId: caller._id, status: ctx.db.command.neq('draft') }, newestFirst),
      find(ctx.db, 'challenges', { expertIds: caller._id }, newestFirst),
    ]);
    const byId = new Map([...asReviewer, ...asExpert].map((challenge) => [challenge._id, challenge]));
    const now = ctx.now();
    return [...byId.values()]
      .sort((a, b) => b.claimDeadline - a.claimDeadline)
      .slice(0, 100)
      .map((challenge) => challengeCard(challenge, now));
  },

  create: async ({ ctx, caller, input, contentVerdict: verdict }) => {
    requireProfile(caller, '发布榜单');
    const challengeId = keyedId('c', caller._id, input.requestId);
    const [orgs, existing, memberships, reviewerCode] = await Promise.all([
      loadOrgs(ctx),
      findById(ctx.db, 'challenges', challengeId),
      membershipsOf(ctx, caller._id),
      uniqueCode(ctx, 'challenges', 'reviewerCode', REVIEWER_CODE_LENGTH),
    ]);
    if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) {
      throw new AppError('FORBIDDEN', '只能以你管理的团组织名义发榜');
    }
    if (existing) return challengeDetail(ctx, caller, challengeId);
    const details = detailsOf(input);
    requireFutureDeadline(details.claimDeadline, ctx.now());
    // A new draft has no claims, gates, reviewer or changes: only the teams its author leads are read.
    const data = await readNames(ctx, caller, { reviewerId: null, changes: [] }, { claims: [], milestones: [], memberships, orgs });

    const created = await ctx.db.runTransaction(async (tx) => {
      const stored = await txFind(tx, 'challenges', challengeId);
      if (stored) return stored;
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
        orgId: challenge.leagueOrgId,
        summary: `起草榜单「${challenge.title}」`,
      });
      return challenge;
    });
    return detailView(caller, created, data, ctx.now());
  },

  update: async ({ ctx, caller, input, challenge, contentVerdict: verdict }) => {
    const current = challenge;
    must(CHALLENGE_MACHINE, current.status, 'edit', '榜单已结束，不能再修改');
    const details = detailsOf(input);
    const published = current.status !== 'draft';
    if (published && (details.mode !== current.mode || details.maxTeams !== current.maxTeams)) {
      throw new AppError('STATE_CONFLICT', '发榜后不能修改揭榜模式和并行队伍数');
    }
    if (details.claimDeadline !== current.claimDeadline) requireFutureDeadline(details.claimDeadline, ctx.now());
    const first = await readClaims(ctx, caller, current._id);
    const change = published ? describeChanges(current, details) : { fields: [], note: '' };
    const notified = change.fields.length ? first.claims.filter(isActive) : [];
    // A 征榜 draft's enterprise hears when an edit sets aside its confirmation of the commitments.
    const solicited = !published && current.solicit ? current.solicit : null;
    const [data, leaders, contacts] = await Promise.all([
      readNames(ctx, caller, current, first),
      leadersOf(
        ctx,
        notified.map((claim) => claim.teamId),
      ),
      solicited ? enterpriseContactsOf(ctx.db, solicited.enterpriseId) : Promise.resolve([]),
    ]);

    const updated = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const [fresh, need] = await Promise.all([
        txFind(tx, 'challenges', current._id),
        solicited ? txFind(tx, 'needs', solicited.needId) : Promise.resolve(null),
      ]);
      if (!fresh || fresh.status !== current.status) throw new AppError('STATE_CONFLICT', '榜单状态刚刚发生了变化，请刷新后再改');
      const now = ctx.now();
      const changes = change.fields.length ? [...fresh.changes, { at: now, by: caller._id, ...change }] : fresh.changes;
      const patch: DocData = {
        ...details,
        issuer: ctx.db.command.set(details.issuer),
        targets: ctx.db.command.set(details.targets),
        updatedAt: now,
      };
      if (verdict === 'review') patch.contentFlag = 'review';
      if (change.fields.length) patch.changes = ctx.db.command.set(changes);
      // A 征榜 draft edited after review goes back to its experts and its enterprise: they approved and confirmed something else.
      const before = fresh.status === 'draft' && !sameDetails(fresh, details) ? fresh.solicit : undefined;
      const reopened =
        before && (before.commitmentsConfirmed || before.experts.some((expert) => expert.verdict !== 'pending')) ? before : null;
      const solicit = reopened ? { ...reopened, commitmentsConfirmed: null, experts: reopenedReviews(reopened.experts) } : fresh.solicit;
      if (reopened) patch.solicit = ctx.db.command.set(solicit);
      await txUpdate(tx, 'challenges', current._id, patch);
      if (reopened) {
        for (const message of reReviewMessages(current, reopened.experts, `团组织修改了榜单「${details.title}」`, now))
          await enqueue(tx, now, message);
      }
      if (reopened?.commitmentsConfirmed && need) {
        const step = { at: now, by: caller._id, kind: 'edited' as const, note: '团组织修改了榜单草稿，请重新确认出题方承诺' };
        await recordNeedStep(ctx.db, tx, need, step, { contacts, key: `draftEdited_${current._id}_${now}` });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'update',
        target: `challenges/${current._id}`,
        orgId: current.leagueOrgId,
        summary: change.note ? `修改榜单：${change.note}` : '修改榜单内容',
      });
      for (const claim of notified) {
        const leaderId = leaders.get(claim.teamId);
        if (!leaderId) continue;
        const body = `发榜方修改了「${details.title}」：${change.note}。请按新的要求调整攻关计划。`;
        await enqueue(tx, now, challengeChangedMessage(current, leaderId, now, '考核要求或时间节点变更', body));
      }
      return {
        ...fresh,
        ...details,
        updatedAt: now,
        changes,
        ...(solicit ? { solicit } : {}),
        ...(verdict === 'review' ? { contentFlag: 'review' as const } : {}),
      };
    });
    return detailView(caller, updated, data, ctx.now());
  },

  /** A 征榜 draft is published only once its commitments are confirmed and every named expert approved; its need is told. */
  publish: async ({ ctx, caller, challenge }) => {
    const current = challenge;
    const next = must(CHALLENGE_MACHINE, current.status, 'publish', '只有草稿可以发榜');
    if (current.claimDeadline < ctx.now()) throw new AppError('STATE_CONFLICT', '揭榜截止日期已过，请先修改日期再发榜');
    requireSolicited(current);
    const [data, contacts] = await Promise.all([
      readDetail(ctx, caller, current),
      current.solicit ? enterpriseContactsOf(ctx.db, current.solicit.enterpriseId) : [],
    ]);
    const published = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
      const [fresh, need] = await Promise.all([
        txFind(tx, 'challenges', current._id),
        current.solicit ? txFind(tx, 'needs', current.solicit.needId) : null,
      ]);
      if (fresh?.status !== 'draft') throw new AppError('STATE_CONFLICT', '只有草稿可以发榜');
      requireSolicited(fresh);
      const now = ctx.now();
      await txUpdate(tx, 'challenges', current._id, { status: next, publishedAt: now, updatedAt: now });
      if (need) {
        const step = { at: now, by: caller._id, kind: 'challengePublished' as const, note: `榜单「${fresh.title}」已发榜，开始接受揭榜` };
        await recordNeedStep(ctx.db, tx, need, step, { contacts, key: `published_${current._id}` });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'publish',
        target: `challenges/${current._id}`,
        orgId: current.leagueOrgId,
        summary: `发榜「${current.title}」`,
      });
      return { ...fresh, status: next, publishedAt: now, updatedAt: now };
    });
    return detailView(caller, published, data, ctx.now());
  },

  /**
   * A draft nobody else has seen is deleted outright; a published challenge is cancelled or closed instead,
   * and so is a 征榜 draft (its enterprise and experts have seen it, and its need links to it).
   */
  discard: async ({ ctx, caller, challenge }) => {
    const current = challenge;
    const refusal = '只有草稿可以删除；发布过的榜单请撤榜或结榜';
    if (current.status !== 'draft') throw new AppError('STATE_CONFLICT', refusal);
    if (current.solicit) throw new AppError('STATE_CONFLICT', SOLICIT_KEPT);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (fresh?.status !== 'draft') throw new AppError('STATE_CONFLICT', refusal);
      if (fresh.solicit) throw new AppError('STATE_CONFLICT', SOLICIT_KEPT);
      await tx.collection('challenges').doc(current._id).remove();
      await audit(tx, {
        at: ctx.now(),
        actor: caller._id,
        fn: 'challenge',
        action: 'discard',
        target: `challenges/${current._id}`,
        orgId: current.leagueOrgId,
        summary: `删除榜单草稿「${current.title}」`,
      });
    });
    return { discarded: true as const };
  },

  ...endingHandlers,

  ...solicitHandlers,

  bindReviewer: async ({ ctx, caller, input }) => {
    requireProfile(caller, '绑定为评审联系人');
    const [found] = await find(ctx.db, 'challenges', { reviewerCode: input.code }, { limit: 1 });
    if (!found || found.status === 'cancelled') throw new AppError('NOT_FOUND', '评审码无效，请向发榜团组织核对');
    // The page opens the challenge's detail next, which shows the claims and who is in them.
    if (found.reviewerId === caller._id) return challengeCard(found, ctx.now());
    const bound = await ctx.db.runTransaction(async (tx): Promise<Challenge> => {
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
        orgId: fresh.leagueOrgId,
        summary: '出题单位联系人绑定为评审',
      });
      return { ...fresh, reviewerId: caller._id, updatedAt: now };
    });
    return challengeCard(bound, ctx.now());
  },
} satisfies Partial<Handlers<'challenge'>>;

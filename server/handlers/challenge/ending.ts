/**
 * 揭榜挂帅 ending: the organizer cancels a challenge (撤榜) or closes it with an outcome (结榜); every claim still in play
 * gets its own line, and a challenge made from an enterprise need puts the ending on the need (its enterprise is told).
 */
import {
  ACTIVE_CLAIM_STATUSES,
  CHALLENGE_MACHINE,
  CLAIM_MACHINE,
  MILESTONE_MACHINE,
  closingOutcome,
  type Closing,
} from '../../../core/challenge-rules';
import { AppError } from '../../../core/errors';
import { allows } from '../../../core/machine';
import type { Challenge, Claim, Milestone } from '../../../core/types';
import { txFind, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Handlers } from '../../runtime/function';
import { leadersOf } from '../../runtime/lookups';
import { must } from '../../runtime/machine';
import { enterpriseContactsOf, recordNeedStep } from '../../runtime/need-steps';
import { enqueue } from '../../runtime/outbox';
import type { Ctx } from '../../runtime/context';
import { detailView, readClaims, readNames } from './detail';
import { claimClosedMessage, claimResultMessage } from './messages';
import { replaced } from './views';

/** A claim still in play: waiting for review or racing. */
export const isActive = (claim: Claim) => ACTIVE_CLAIM_STATUSES.includes(claim.status);

/** The contacts of the enterprise a need-born challenge came from (none for others), read before the transaction. */
const contactsOf = (ctx: Ctx, challenge: Challenge) =>
  challenge.solicit ? enterpriseContactsOf(ctx.db, challenge.solicit.enterpriseId) : Promise.resolve([]);

/** The ending as a step on the need the challenge came from, if it did. */
async function endingStep(ctx: Ctx, tx: Transaction, challenge: Challenge, by: string, note: string, contacts: string[], now: number) {
  const need = challenge.solicit ? await txFind(tx, 'needs', challenge.solicit.needId) : null;
  if (need)
    await recordNeedStep(ctx.db, tx, need, { at: now, by, kind: 'challengeEnded', note }, { contacts, key: `ended_${challenge._id}` });
}

export const endingHandlers = {
  cancel: async ({ ctx, caller, input, challenge }) => {
    const current = challenge;
    const next = must(CHALLENGE_MACHINE, current.status, 'cancel', '已有队伍入选的榜单不能撤销，请以「未成功」结榜并写明原因');
    const [first, contacts] = await Promise.all([readClaims(ctx, caller, current._id), contactsOf(ctx, current)]);
    const claims = first.claims.filter(isActive);
    const [data, leaders] = await Promise.all([
      readNames(ctx, caller, current, first),
      leadersOf(
        ctx,
        claims.map((claim) => claim.teamId),
      ),
    ]);
    const cancelled = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (!fresh) throw new AppError('NOT_FOUND', '找不到这个榜单');
      must(CHALLENGE_MACHINE, fresh.status, 'cancel', '榜单状态刚刚发生了变化，请刷新后再试');
      const now = ctx.now();
      const decision = { by: caller._id, at: now, reason: input.reason };
      await txUpdate(tx, 'challenges', current._id, { status: next, cancelled: ctx.db.command.set(decision), updatedAt: now });
      const ended: Claim[] = [];
      for (const claim of claims) {
        const stored = await txFind(tx, 'claims', claim._id);
        if (stored?.status !== 'applied') continue;
        const status = must(CLAIM_MACHINE, stored.status, 'cancel', '');
        await txUpdate(tx, 'claims', claim._id, { status, ended: ctx.db.command.set(decision) });
        ended.push({ ...stored, status, ended: decision });
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
      await endingStep(ctx, tx, fresh, caller._id, `榜单「${current.title}」已撤榜，原因：${input.reason}`, contacts, now);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'cancel',
        target: `challenges/${current._id}`,
        orgId: current.leagueOrgId,
        summary: `撤榜：${input.reason}`,
      });
      return { challenge: { ...fresh, status: next, cancelled: decision, updatedAt: now }, ended };
    });
    return detailView(caller, cancelled.challenge, { ...data, claims: replaced(data.claims, cancelled.ended) }, ctx.now());
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
    const [first, contacts] = await Promise.all([readClaims(ctx, caller, current._id), contactsOf(ctx, current)]);
    const claims = first.claims.filter(isActive);
    const accepted = new Set(claims.filter((claim) => claim.status === 'accepted').map((claim) => claim.teamId));
    const winners = [...new Set(input.winners)];
    if (current.mode === 'single' && winners.length > 1) throw new AppError('INVALID_INPUT', '单一擂主模式只能有一支夺榜队伍');
    if (winners.some((teamId) => !accepted.has(teamId))) throw new AppError('INVALID_INPUT', '夺榜队伍必须是仍在攻关中的入选队伍');
    const [data, leaders] = await Promise.all([
      readNames(ctx, caller, current, first),
      leadersOf(
        ctx,
        claims.map((claim) => claim.teamId),
      ),
    ]);
    const closing: Closing = {
      result: input.result,
      summary: input.summary,
      winners: claims.filter((claim) => winners.includes(claim.teamId)),
    };

    const closed = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'challenges', current._id);
      if (!fresh || fresh.status !== current.status) throw new AppError('STATE_CONFLICT', '榜单状态刚刚发生了变化，请刷新后再试');
      const now = ctx.now();
      const outcome = { result: input.result, by: caller._id, at: now, summary: input.summary, winners };
      await txUpdate(tx, 'challenges', current._id, { status: next, outcome: ctx.db.command.set(outcome), updatedAt: now });
      const ended: Claim[] = [];
      const shut: Milestone[] = [];
      for (const claim of claims) {
        const stored = await txFind(tx, 'claims', claim._id);
        if (!stored || !isActive(stored)) continue;
        const own = first.milestones.filter((milestone) => milestone.claimId === claim._id);
        const allPassed = own.length > 0 && own.every((milestone) => milestone.status === 'passed');
        const { event, note } = closingOutcome({ status: stored.status, teamId: claim.teamId, allPassed }, closing);
        const status = must(CLAIM_MACHINE, stored.status, event, '');
        const decision = { by: caller._id, at: now, reason: note };
        await txUpdate(tx, 'claims', claim._id, { status, ended: ctx.db.command.set(decision) });
        ended.push({ ...stored, status, ended: decision });
        for (const milestone of own.filter((m) => allows(MILESTONE_MACHINE, m.status, 'close'))) {
          const closedStatus = must(MILESTONE_MACHINE, milestone.status, 'close', '');
          await txUpdate(tx, 'milestones', milestone._id, { status: closedStatus });
          shut.push({ ...milestone, status: closedStatus });
        }
        const leaderId = leaders.get(claim.teamId);
        if (leaderId) await enqueue(tx, now, claimClosedMessage(current, claim, leaderId, { event, status, note }, now));
      }
      const result = success ? `夺榜（${closing.winners.map((claim) => claim.teamName).join('、')}）` : `未成功，${input.summary}`;
      await endingStep(ctx, tx, fresh, caller._id, `榜单「${current.title}」已结榜：${result}`, contacts, now);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'close',
        target: `challenges/${current._id}`,
        orgId: current.leagueOrgId,
        summary: success ? `结榜：夺榜 ${winners.length} 队` : `结榜：未成功，${input.summary}`,
      });
      return { challenge: { ...fresh, status: next, outcome, updatedAt: now }, ended, shut };
    });
    return detailView(
      caller,
      closed.challenge,
      { ...data, claims: replaced(data.claims, closed.ended), milestones: replaced(data.milestones, closed.shut) },
      ctx.now(),
    );
  },
} satisfies Partial<Handlers<'challenge'>>;

/**
 * An expert's one-time code (issued by inviteExpert) binds its redeemer to a named slot of a 征榜
 * review. Experts review from outside: neither an organizer over the challenge nor a contact of
 * the enterprise that asked for it may take a slot.
 */
import { AppError } from '../../../core/errors';
import { txFind, txUpdate } from '../../db/collections';
import { isEnterpriseContact } from '../../runtime/need-roles';
import { isOrganizer, loadOrgs, managesIn } from '../../runtime/orgs';
import type { CodeBinder } from '../../runtime/role-codes';

/** `${challengeId}_${slot}`: the slot is after the last underscore. */
function scopeOf(scopeId: string): { challengeId: string; slot: number } {
  const cut = scopeId.lastIndexOf('_');
  return { challengeId: scopeId.slice(0, cut), slot: Number(scopeId.slice(cut + 1)) };
}

const GONE = '该评审邀请已失效，请向发榜团组织核对';

export const bindExpertCode: CodeBinder = async ({ ctx, tx, caller, code, now }) => {
  const { challengeId, slot } = scopeOf(code.scopeId);
  // Only someone who organizes anything can be an organizer over this challenge: the tree is read for them alone.
  const [challenge, orgs] = await Promise.all([txFind(tx, 'challenges', challengeId), isOrganizer(caller) ? loadOrgs(ctx) : []]);
  const solicit = challenge?.solicit;
  const expert = solicit?.experts.find((candidate) => candidate.slot === slot);
  if (!challenge || !solicit || !expert) throw new AppError('NOT_FOUND', GONE);
  if (challenge.status !== 'draft') throw new AppError('STATE_CONFLICT', '该榜单已发布，征榜评审已经结束');
  if (expert.userId && expert.userId !== caller._id) throw new AppError('STATE_CONFLICT', '该评审席位已由他人绑定，请向发榜团组织核对');
  if (managesIn(orgs, caller, challenge.leagueOrgId)) {
    throw new AppError('FORBIDDEN', '评审专家须来自发榜团组织之外，团组织管理员不能绑定为评审专家');
  }
  if (isEnterpriseContact(caller, solicit.enterpriseId)) throw new AppError('FORBIDDEN', '出题企业的联系人不能担任本榜单的评审专家');
  if (solicit.experts.some((candidate) => candidate.userId === caller._id && candidate.slot !== slot)) {
    throw new AppError('STATE_CONFLICT', '你已是该榜单的评审专家');
  }
  if (expert.userId !== caller._id) {
    const experts = solicit.experts.map((candidate) => (candidate.slot === slot ? { ...candidate, userId: caller._id } : candidate));
    const expertIds = [...new Set([...(challenge.expertIds ?? []), caller._id])];
    await txUpdate(tx, 'challenges', challengeId, {
      solicit: ctx.db.command.set({ ...solicit, experts }),
      expertIds: ctx.db.command.set(expertIds),
      updatedAt: now,
    });
  }
  return { kind: 'expert', label: code.label, scopeId: challengeId };
};

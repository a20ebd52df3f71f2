/**
 * An expert's one-time code (issued by inviteExpert) binds its redeemer to a named slot of a 征榜
 * review. Experts review from outside: neither an organizer or cadre over the challenge's org nor
 * a contact of the enterprise that asked for it may take a slot.
 */
import { AppError } from '../../../core/errors';
import type { User } from '../../../core/types';
import { txFind, txUpdate } from '../../db/collections';
import { isEnterpriseContact, takesNeedsIn } from '../../runtime/need-roles';
import { loadOrgs, managesIn } from '../../runtime/orgs';
import type { CodeBinder } from '../../runtime/role-codes';

/** Holds a role on the org side (organizer or cadre somewhere): only then is the org tree read. */
export const onOrgSide = (caller: Pick<User, 'roles'>) =>
  caller.roles.some((grant) => grant.role === 'organizer' || grant.role === 'cadre');

/** `${challengeId}_${slot}`: the slot is after the last underscore. */
function scopeOf(scopeId: string): { challengeId: string; slot: number } {
  const cut = scopeId.lastIndexOf('_');
  return { challengeId: scopeId.slice(0, cut), slot: Number(scopeId.slice(cut + 1)) };
}

const GONE = '该评审邀请已失效，请向发榜团组织核对';

export const bindExpertCode: CodeBinder = async ({ ctx, tx, caller, code, now }) => {
  const { challengeId, slot } = scopeOf(code.scopeId);
  // Only someone who organizes or takes needs anywhere can be on the org side of this challenge: the tree is read for them alone.
  const [challenge, orgs] = await Promise.all([txFind(tx, 'challenges', challengeId), onOrgSide(caller) ? loadOrgs(ctx) : []]);
  const solicit = challenge?.solicit;
  const expert = solicit?.experts.find((candidate) => candidate.slot === slot);
  if (!challenge || !solicit || !expert) throw new AppError('NOT_FOUND', GONE);
  if (challenge.status !== 'draft') throw new AppError('STATE_CONFLICT', '该榜单已发布，征榜评审已经结束');
  if (expert.userId && expert.userId !== caller._id) throw new AppError('STATE_CONFLICT', '该评审席位已由他人绑定，请向发榜团组织核对');
  // A code issued again for the slot replaces the one before (inviteExpert retires it; this holds under a race too).
  if (expert.codeId && expert.codeId !== code._id) {
    throw new AppError('STATE_CONFLICT', '这个评审码已被团组织重新生成的评审码取代，请向发榜团组织索取新的评审码');
  }
  if (managesIn(orgs, caller, challenge.leagueOrgId)) {
    throw new AppError('FORBIDDEN', '评审专家须来自发榜团组织之外，团组织管理员不能绑定为评审专家');
  }
  if (takesNeedsIn(orgs, caller, challenge.leagueOrgId)) {
    throw new AppError('FORBIDDEN', '评审专家须来自发榜团组织之外，受理这条企业需求的接单干部不能绑定为评审专家');
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

/**
 * One-time codes that bind their redeemer: an organizer issues enterprise-contact and cadre codes
 * for a league org (shown once, only the hash kept); anyone signed in redeems any kind of code,
 * and the binder of its kind makes the binding in the same transaction that spends the code.
 */
import { formatOrgCode, normalizeOrgName, orgNameKey } from '../../../core/admin-rules';
import { AppError } from '../../../core/errors';
import { ROLE_CODE_DAYS, ROLE_CODE_LABELS, type RoleCodeKind } from '../../../core/need-rules';
import type { Enterprise, OrgRole, RoleCode, User } from '../../../core/types';
import type { RedeemedRoleCode } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find } from '../../db/query';
import type { Transaction } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { admitGuess, GUESS_LIMIT, guessOf } from '../../runtime/guesses';
import { keyedId } from '../../runtime/keyed-id';
import { takesNeedsIn } from '../../runtime/need-roles';
import { hashOrgCode } from '../../runtime/org-code';
import { loadOrgs } from '../../runtime/orgs';
import { newRoleCode, type CodeBinder } from '../../runtime/role-codes';
import { requireProfile } from '../../runtime/users';
import { bindExpertCode, onOrgSide } from '../challenge/solicit-bind';
import { bindTransferCode } from '../transfer/bind';

/** An enterprise made by a code is named by its org and name: two codes for one new enterprise make one. */
export const enterpriseIdOf = (orgId: string, name: string) => keyedId('e', orgId, orgNameKey(name));

const ORG_SIDE =
  '你是为该企业服务的团组织（或其上级）的管理员或接单干部，不能同时担任它的企业联系人：企业一方的确认须来自团组织之外。请把邀请码交给企业的工作人员';

const WRONG = '邀请码无效，请核对后重试，或向发码的团组织重新索取';
const USED = '这个邀请码已被使用，请向发码的团组织重新索取';
const TOO_MANY = '尝试次数过多，请一小时后再试，或向发码的团组织核对邀请码';

export const issueCode: Handler<'need', 'issueCode'> = async ({ ctx, caller, input, org }) => {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '企业联系人和接单干部邀请码只能由团组织生成，请选择团组织');
  if (org.retiredAt) throw new AppError('STATE_CONFLICT', '该组织已撤销，不能再生成邀请码');
  const kind = input.kind;
  const name = kind === 'enterprise' ? normalizeOrgName(input.enterpriseName ?? '') : '';
  const active =
    kind === 'enterprise' ? await find(ctx.db, 'enterprises', { leagueOrgId: org._id, status: 'active', name }, { limit: 1 }) : [];
  const now = ctx.now();
  const enterpriseId = active[0]?._id ?? enterpriseIdOf(org._id, name);
  const label = `${ROLE_CODE_LABELS[kind]}：${kind === 'enterprise' ? name : org.name}`;
  const { code, record } = newRoleCode(now, {
    kind,
    scopeId: kind === 'enterprise' ? enterpriseId : org._id,
    orgId: org._id,
    label,
    issuedBy: caller._id,
  });
  await ctx.db.runTransaction(async (tx) => {
    if (kind === 'enterprise' && !active[0]) {
      const existing = await txFind(tx, 'enterprises', enterpriseId);
      if (existing && existing.status !== 'active')
        throw new AppError('STATE_CONFLICT', `「${existing.name}」未通过认证，不能为它生成邀请码`);
      if (!existing) await txSet(tx, 'enterprises', codeEnterprise(enterpriseId, name, org._id, caller._id, now));
    }
    await txSet(tx, 'roleCodes', record);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'issueCode',
      target: kind === 'enterprise' ? `enterprises/${enterpriseId}` : `orgs/${org._id}`,
      orgId: org._id,
      summary: `生成${label}邀请码（${ROLE_CODE_DAYS[kind]} 天有效）`,
    });
  });
  return { code: formatOrgCode(code), kind, label, expiresAt: record.expiresAt };
};

/** An enterprise the organizer vouches for by issuing its code: active at once, with no application. */
function codeEnterprise(_id: string, name: string, leagueOrgId: string, by: string, now: number): Enterprise {
  return { _id, name, leagueOrgId, status: 'active', applicantId: null, createdBy: by, createdAt: now, decided: null };
}

/** What a code binds, as its redeemer sees it (also the answer to a repeated redeem of one's own code). */
function redeemedOf(code: RoleCode): RedeemedRoleCode {
  const scopeId = code.kind === 'expert' ? code.scopeId.slice(0, code.scopeId.lastIndexOf('_')) : code.scopeId;
  return { kind: code.kind, label: code.label, scopeId };
}

export const redeemCode: Handler<'need', 'redeemCode'> = async ({ ctx, caller, input }) => {
  requireProfile(caller, '使用邀请码');
  const guess = guessOf(ctx, caller._id);
  const [found, counted] = await Promise.all([
    findById(ctx.db, 'roleCodes', hashOrgCode(input.code)),
    findById(ctx.db, 'guesses', guess._id),
  ]);
  if ((counted?.failures ?? 0) >= GUESS_LIMIT) throw new AppError('TOO_MANY_ATTEMPTS', TOO_MANY);
  if (!found) {
    const outcome = await ctx.db.runTransaction((tx) => admitGuess(tx, guess, false));
    throw outcome === 'refused' ? new AppError('TOO_MANY_ATTEMPTS', TOO_MANY) : new AppError('NOT_FOUND', WRONG);
  }
  // A retried redeem of one's own code answers as the first did.
  if (found.usedBy === caller._id) return redeemedOf(found);
  if (found.usedBy) throw new AppError('STATE_CONFLICT', USED);
  const now = ctx.now();
  if (found.expiresAt <= now)
    throw new AppError('STATE_CONFLICT', `这个邀请码已过期（有效期 ${ROLE_CODE_DAYS[found.kind]} 天），请向发码的团组织重新索取`);
  return ctx.db.runTransaction(async (tx) => {
    const [code, user] = await Promise.all([txFind(tx, 'roleCodes', found._id), txFind(tx, 'users', caller._id)]);
    if (code?.usedBy === caller._id) return redeemedOf(code);
    if (!code || code.usedBy) throw new AppError('STATE_CONFLICT', USED);
    if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录');
    const redeemed = await BINDERS[code.kind]({ ctx, tx, caller: user, code, now });
    await txUpdate(tx, 'roleCodes', code._id, { usedBy: caller._id, usedAt: now });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'redeemCode',
      target: TARGETS[code.kind](redeemed.scopeId),
      orgId: code.orgId,
      ...(code.teamId ? { teamId: code.teamId } : {}),
      summary: `凭邀请码绑定为${code.label}`,
    });
    return redeemed;
  });
};

const TARGETS: Record<RoleCodeKind, (scopeId: string) => string> = {
  enterprise: (id) => `enterprises/${id}`,
  cadre: (id) => `orgs/${id}`,
  expert: (id) => `challenges/${id}`,
  transfer: (id) => `transfers/${id}`,
};

/** Adds a role to the user record (in the redeeming transaction); a role already held leaves the code for someone else. */
async function grantRole(ctx: Ctx, tx: Transaction, user: User, role: OrgRole, scopeId: string, held: string) {
  if (user.roles.some((grant) => grant.role === role && grant.scopeId === scopeId)) throw new AppError('STATE_CONFLICT', held);
  await txUpdate(tx, 'users', user._id, { roles: ctx.db.command.set([...user.roles, { role, scopeId }]), updatedAt: ctx.now() });
}

/**
 * Makes the redeemer a contact of an active enterprise. Whoever takes the needs of the enterprise's
 * org (its organizers and cadres, and those of the orgs above it) stays on the org's side: as a
 * contact they could confirm their own org's 征榜 commitments and transfers.
 */
export const bindEnterpriseCode: CodeBinder = async ({ ctx, tx, caller, code }) => {
  const [enterprise, orgs] = await Promise.all([txFind(tx, 'enterprises', code.scopeId), onOrgSide(caller) ? loadOrgs(ctx) : []]);
  if (!enterprise || enterprise.status !== 'active')
    throw new AppError('STATE_CONFLICT', '该企业未通过认证或已不再有效，邀请码随之失效，请向团组织核对');
  if (takesNeedsIn(orgs, caller, enterprise.leagueOrgId)) throw new AppError('FORBIDDEN', ORG_SIDE);
  await grantRole(ctx, tx, caller, 'enterprise', enterprise._id, `你已经是「${enterprise.name}」的企业联系人，这个邀请码可以留给同事使用`);
  return { kind: 'enterprise', label: code.label, scopeId: enterprise._id };
};

/** Makes the redeemer a cadre who takes the needs of a league org (and the orgs beneath it). */
export const bindCadreCode: CodeBinder = async ({ ctx, tx, caller, code }) => {
  const org = await txFind(tx, 'orgs', code.scopeId);
  if (!org || org.kind !== 'league' || org.retiredAt) throw new AppError('STATE_CONFLICT', '该团组织已撤销，邀请码随之失效');
  await grantRole(ctx, tx, caller, 'cadre', org._id, `你已经是「${org.name}」的接单干部`);
  return { kind: 'cadre', label: code.label, scopeId: org._id };
};

const BINDERS: Record<RoleCodeKind, CodeBinder> = {
  enterprise: bindEnterpriseCode,
  cadre: bindCadreCode,
  expert: bindExpertCode,
  transfer: bindTransferCode,
};

export const codeHandlers = { issueCode, redeemCode };

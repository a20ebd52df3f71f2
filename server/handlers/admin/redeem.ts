/** 成为团组织管理员: an invite code for one org, or the environment's one-time setup code for the root org. */
import { AppError } from '../../../core/errors';
import type { Org, OrgCode, User } from '../../../core/types';
import type { RedeemResult } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { admitGuess, GUESS_LIMIT, guessOf } from '../../runtime/guesses';
import { hashOrgCode } from '../../runtime/org-code';
import { loadOrgs, managedOrgIds } from '../../runtime/orgs';
import { holdsOrganizer, organizerHolders } from '../../runtime/organizers';
import { grantOrganizer } from './grants';
import { ROOT_ORG_ID, SETUP_MARKER_ID, setupConfig, type SetupConfig } from './setup';

const WRONG = '邀请码无效，请核对后重试，或向上级组织的管理员重新索取';
const USED = '这个邀请码已被使用，请向上级组织的管理员重新索取';
const EXPIRED = '这个邀请码已过期（有效期 7 天），请向上级组织的管理员重新索取';
const SETUP_SPENT = '设置码已经使用过，初始化入口已关闭。如需成为管理员，请向现有管理员索取邀请码';

export const redeemCode: Handler<'admin', 'redeemCode'> = async ({ ctx, caller, input }) => {
  const hash = hashOrgCode(input.code);
  const setup = setupConfig();
  const guess = guessOf(ctx, caller._id);
  const [found, counted, orgs] = await Promise.all([
    findById(ctx.db, 'orgCodes', hash),
    findById(ctx.db, 'guesses', guess._id),
    loadOrgs(ctx),
  ]);
  if ((counted?.failures ?? 0) >= GUESS_LIMIT)
    throw new AppError('TOO_MANY_ATTEMPTS', '尝试次数过多，请一小时后再试，或向上级组织核对邀请码');
  const isSetup = setup !== null && hash === setup.codeHash;
  if (!found && !isSetup) {
    const outcome = await ctx.db.runTransaction((tx) => admitGuess(tx, guess, false));
    throw new AppError(
      outcome === 'refused' ? 'TOO_MANY_ATTEMPTS' : 'INVITE_INVALID',
      outcome === 'refused' ? '尝试次数过多，请一小时后再试' : WRONG,
    );
  }
  if (isSetup) return redeemSetup(ctx, caller, orgs, setup);
  return redeemInvite(ctx, caller, orgs, found as OrgCode);
};

async function redeemInvite(ctx: Ctx, caller: User, orgs: Org[], code: OrgCode): Promise<RedeemResult> {
  const org = orgs.find((candidate) => candidate._id === code.orgId);
  if (!org || org.retiredAt) throw new AppError('INVITE_INVALID', '邀请码对应的组织已撤销，请向上级组织的管理员确认');
  const holds = holdsOrganizer(caller, org._id);
  // Entering one's own used code again answers as before, but only while the role it gave is still held.
  if (code.usedBy === caller._id && holds) return { orgId: org._id, orgName: org.name, via: 'invite' };
  if (code.usedBy) throw new AppError('INVITE_INVALID', USED);
  if (code.expiresAt <= ctx.now()) throw new AppError('INVITE_INVALID', EXPIRED);
  await ctx.db.runTransaction(async (tx) => {
    const [current, issuer, orgNow] = await Promise.all([
      txFind(tx, 'orgCodes', code._id),
      code.issuedBy ? txFind(tx, 'users', code.issuedBy) : Promise.resolve(null),
      txFind(tx, 'orgs', org._id),
    ]);
    if (current?.usedBy) throw new AppError('INVITE_INVALID', USED);
    if (!orgNow || orgNow.retiredAt) throw new AppError('INVITE_INVALID', '邀请码对应的组织已撤销，请向上级组织的管理员确认');
    // A code is good only while whoever issued it still manages the org: revoking them (or moving the org away) voids it.
    if (!issuer || issuer.deletedAt || !managedOrgIds(orgs, issuer).has(org._id)) {
      throw new AppError('INVITE_INVALID', '生成这个邀请码的管理员已不再管理该组织，邀请码随之失效，请向现任管理员重新索取');
    }
    const user = await requireUser(tx, caller._id);
    await grantOrganizer(ctx, tx, user, org._id, 'invite', code.issuedBy);
    await txUpdate(tx, 'orgCodes', code._id, { usedBy: caller._id, usedAt: ctx.now() });
    await audit(tx, {
      at: ctx.now(),
      actor: caller._id,
      fn: 'admin',
      action: 'redeemCode',
      target: `orgs/${org._id}`,
      orgId: org._id,
      summary: `凭邀请码成为「${org.name}」管理员`,
    });
  });
  return { orgId: org._id, orgName: org.name, via: 'invite' };
}

/** The root org: the top-level league org if someone created it already, otherwise created now with the configured name. */
function rootOf(orgs: Org[], setup: SetupConfig, now: number): { org: Org; isNew: boolean } {
  const existing = orgs.find((org) => org.kind === 'league' && org.parentId === null && !org.retiredAt);
  if (existing) return { org: existing, isNew: false };
  return {
    org: {
      _id: ROOT_ORG_ID,
      kind: 'league',
      name: setup.rootName,
      unitName: setup.rootUnit,
      parentId: null,
      createdAt: now,
      createdBy: null,
      retiredAt: null,
    },
    isNew: true,
  };
}

async function redeemSetup(ctx: Ctx, caller: User, orgs: Org[], setup: SetupConfig): Promise<RedeemResult> {
  const now = ctx.now();
  const { org, isNew } = rootOf(orgs, setup, now);
  // The marker is the guard; an org that already has an organizer is a second one (a marker lost in a restore).
  if (!isNew && (await organizerHolders(ctx, org._id)).length) throw new AppError('INVITE_INVALID', SETUP_SPENT);
  await ctx.db.runTransaction(async (tx) => {
    const spent = await txFind(tx, 'orgCodes', SETUP_MARKER_ID);
    if (spent) throw new AppError('INVITE_INVALID', SETUP_SPENT);
    const user = await requireUser(tx, caller._id);
    if (isNew) await txSet(tx, 'orgs', org);
    await grantOrganizer(ctx, tx, user, org._id, 'setup', null);
    await txSet(tx, 'orgCodes', {
      _id: SETUP_MARKER_ID,
      kind: 'setup',
      orgId: org._id,
      issuedBy: null,
      issuedAt: now,
      expiresAt: now,
      usedBy: caller._id,
      usedAt: now,
    });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'redeemCode',
      target: `orgs/${org._id}`,
      orgId: org._id,
      summary: `凭设置码成为「${org.name}」的第一位管理员`,
    });
  });
  return { orgId: org._id, orgName: org.name, via: 'setup' };
}

async function requireUser(tx: Transaction, userId: string): Promise<User> {
  const user = await txFind(tx, 'users', userId);
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录');
  return user;
}

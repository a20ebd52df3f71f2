/** Who administers an org: listed with how they got the role, invited by one-time code, revoked with a reason. */
import { AppError } from '../../../core/errors';
import { formatOrgCode, ORG_CODE_DAYS } from '../../../core/admin-rules';
import { DAY_MS } from '../../../core/time';
import type { Org, User } from '../../../core/types';
import type { OrganizerList } from '../../../core/views';
import { txFind, txSet } from '../../db/collections';
import { find } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { usersById } from '../../runtime/lookups';
import { hashOrgCode, newOrgCode } from '../../runtime/org-code';
import { managedOrgIds, organizersOf } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { organizerHolders } from '../../runtime/organizers';
import { revokeOrganizerRole } from './grants';

/** The role on user records is what counts; the ledger says how each got it. */
export async function organizerList(ctx: Ctx, caller: User, org: Org, orgs: Org[]): Promise<OrganizerList> {
  const now = ctx.now();
  const [holders, grants, codes, above] = await Promise.all([
    organizerHolders(ctx, org._id),
    find(ctx.db, 'organizers', { orgId: org._id, revokedAt: null }),
    find(ctx.db, 'orgCodes', { orgId: org._id, expiresAt: ctx.db.command.gt(now) }),
    org.kind === 'league' && org.parentId ? organizersOf(ctx.db, orgs, org.parentId) : Promise.resolve([]),
  ]);
  const openCodes = codes.filter((code) => code.kind === 'invite' && !code.usedBy);
  const people = await usersById(ctx, [
    ...holders.map((holder) => holder._id),
    ...grants.flatMap((grant) => (grant.invitedBy ? [grant.invitedBy] : [])),
    ...openCodes.flatMap((code) => (code.issuedBy ? [code.issuedBy] : [])),
  ]);
  return {
    orgId: org._id,
    orgName: org.name,
    organizers: holders.map(({ _id }) => {
      const grant = grants.find((candidate) => candidate.userId === _id);
      const person = people.get(_id);
      return {
        userId: _id,
        name: displayName(person),
        unitName: person?.unitName ?? '',
        via: grant?.via ?? 'database',
        invitedByName: grant?.invitedBy ? displayName(people.get(grant.invitedBy)) : '',
        grantedAt: grant?.grantedAt ?? null,
        isSelf: _id === caller._id,
      };
    }),
    openCodes: openCodes.map((code) => ({
      issuedByName: displayName(code.issuedBy ? people.get(code.issuedBy) : null),
      issuedAt: code.issuedAt,
      expiresAt: code.expiresAt,
    })),
    inheritedCount: above.filter((id) => !holders.some((holder) => holder._id === id)).length,
  };
}

export const organizers: Handler<'admin', 'organizers'> = ({ ctx, caller, org, orgs }) => organizerList(ctx, caller, org, orgs);

export const issueCode: Handler<'admin', 'issueCode'> = async ({ ctx, caller, org }) => {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '管理员邀请码只能为团组织生成');
  if (org.retiredAt) throw new AppError('STATE_CONFLICT', '该组织已撤销，不能再邀请管理员');
  const code = newOrgCode();
  const now = ctx.now();
  const expiresAt = now + ORG_CODE_DAYS * DAY_MS;
  await ctx.db.runTransaction(async (tx) => {
    await txSet(tx, 'orgCodes', {
      _id: hashOrgCode(code),
      kind: 'invite',
      orgId: org._id,
      issuedBy: caller._id,
      issuedAt: now,
      expiresAt,
      usedBy: null,
      usedAt: null,
    });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'issueCode',
      target: `orgs/${org._id}`,
      orgId: org._id,
      summary: `生成「${org.name}」管理员邀请码（${ORG_CODE_DAYS} 天有效）`,
    });
  });
  return { code: formatOrgCode(code), orgId: org._id, orgName: org.name, expiresAt };
};

export const revokeOrganizer: Handler<'admin', 'revokeOrganizer'> = async ({ ctx, caller, input, org, orgs }) => {
  if (input.userId === caller._id) throw new AppError('FORBIDDEN', '不能撤销你自己的管理员身份，请联系上级组织或其他管理员');
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '党组织没有管理员；党组织联系人在「反馈函管理」中管理');
  const target = (await organizerHolders(ctx, org._id)).find((holder) => holder._id === input.userId);
  if (!target) throw new AppError('NOT_FOUND', '此人不是这个组织的管理员，可能已被撤销');
  const now = ctx.now();
  await ctx.db.runTransaction(async (tx) => {
    // Two organizers revoking each other at once: whoever commits second no longer has the role to do it.
    const self = await txFind(tx, 'users', caller._id);
    if (!self || !managedOrgIds(orgs, self).has(org._id)) throw new AppError('FORBIDDEN', '你已不再是该组织的管理员');
    await revokeOrganizerRole(ctx, tx, input.userId, org._id, caller._id, input.reason);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'revokeOrganizer',
      target: `orgs/${org._id}`,
      orgId: org._id,
      summary: `撤销 ${displayName(target)} 的「${org.name}」管理员身份：${input.reason}`,
    });
  });
  return organizerList(ctx, caller, org, orgs);
};

import type { HeldRole } from '../../../core/views';
import { find } from '../../db/query';
import type { Handler } from '../../runtime/function';
import { loadOrgs } from '../../runtime/orgs';

/** The caller's own roles, with the org each is for and since when (for organizers, from the ledger). */
export const myRoles: Handler<'admin', 'myRoles'> = async ({ ctx, caller }) => {
  const [orgs, grants] = await Promise.all([loadOrgs(ctx), find(ctx.db, 'organizers', { userId: caller._id, revokedAt: null })]);
  return caller.roles.map((role): HeldRole => {
    const org = orgs.find((candidate) => candidate._id === role.scopeId);
    const grant = role.role === 'organizer' ? grants.find((candidate) => candidate.orgId === role.scopeId) : undefined;
    return {
      role: role.role,
      orgId: role.scopeId,
      orgName: org?.name ?? '（组织已删除）',
      unitName: org?.unitName ?? '',
      since: grant?.grantedAt ?? null,
      retired: Boolean(org?.retiredAt),
    };
  });
};

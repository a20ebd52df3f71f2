/** Giving and taking the organizer role: the user record's role and the ledger entry change together. */
import type { OrganizerGrant, User } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import type { Ctx } from '../../runtime/context';
import { grantId } from '../../runtime/organizers';

export async function grantOrganizer(
  ctx: Ctx,
  tx: Transaction,
  user: User,
  orgId: string,
  via: OrganizerGrant['via'],
  invitedBy: string | null,
): Promise<void> {
  const now = ctx.now();
  if (!user.roles.some((role) => role.role === 'organizer' && role.scopeId === orgId)) {
    await txUpdate(tx, 'users', user._id, {
      roles: ctx.db.command.set([...user.roles, { role: 'organizer', scopeId: orgId }]),
      updatedAt: now,
    });
  }
  await txSet(tx, 'organizers', {
    _id: grantId(orgId, user._id),
    orgId,
    userId: user._id,
    via,
    invitedBy,
    grantedAt: now,
    revokedAt: null,
    revokedBy: null,
    revokeReason: '',
  });
}

/** Takes the role away; the ledger keeps who held it, who revoked it, when and why. */
export async function revokeOrganizerRole(ctx: Ctx, tx: Transaction, userId: string, orgId: string, by: string, reason: string) {
  const now = ctx.now();
  const [user, grant] = await Promise.all([txFind(tx, 'users', userId), txFind(tx, 'organizers', grantId(orgId, userId))]);
  if (user) {
    const roles = user.roles.filter((role) => !(role.role === 'organizer' && role.scopeId === orgId));
    await txUpdate(tx, 'users', userId, { roles: ctx.db.command.set(roles), updatedAt: now });
  }
  const revoked = { revokedAt: now, revokedBy: by, revokeReason: reason };
  if (grant) await txUpdate(tx, 'organizers', grant._id, revoked);
  else
    await txSet(tx, 'organizers', {
      _id: grantId(orgId, userId),
      orgId,
      userId,
      via: 'database',
      invitedBy: null,
      grantedAt: 0,
      ...revoked,
    });
}

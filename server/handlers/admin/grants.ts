/** Giving and taking the organizer role: the user record's role and the ledger entry change together. */
import type { OrganizerGrant, User } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import type { Transaction } from '../../db/types';
import { findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';

export const grantId = (orgId: string, userId: string) => `${orgId}_${userId}`;

/**
 * Whether the user's roles hold organizer of this org. A query on `roles` matches its fields across
 * different elements of the array, so what it finds is checked here, element by element.
 */
export const holdsOrganizer = (user: Pick<User, 'roles'>, orgId: string) =>
  user.roles.some((role) => role.role === 'organizer' && role.scopeId === orgId);

/** The users who hold organizer of this org (exactly, see holdsOrganizer). */
export async function organizerHolders(ctx: Ctx, orgId: string): Promise<Pick<User, '_id' | 'roles' | 'realName' | 'nickname'>[]> {
  const found = await findFields(ctx.db, 'users', { roles: { role: 'organizer', scopeId: orgId } }, [
    '_id',
    'roles',
    'realName',
    'nickname',
  ]);
  return found.filter((user) => holdsOrganizer(user, orgId));
}

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

/** Who holds the organizer role of an org: the role lives on user records, its history in `organizers`. */
import type { User } from '../../core/types';
import { findFields } from '../db/query';
import type { Ctx } from './context';

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

/** Who stands on the cadres' side of a need, and how they are named in its steps. */
import { AppError } from '../../../core/errors';
import type { Need, Org, User } from '../../../core/types';
import { findById } from '../../db/collections';
import type { Database } from '../../db/types';
import { orgChain, roleHolders } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';

/** Everyone who takes the org's needs: its organizers (or above) and the cadres designated for it (or above). */
export async function needTakersOf(db: Database, orgs: Org[], leagueOrgId: string): Promise<string[]> {
  const chain = orgChain(orgs, leagueOrgId);
  const [organizers, cadres] = await Promise.all([roleHolders(db, 'organizer', chain), roleHolders(db, 'cadre', chain)]);
  return [...new Set([...organizers, ...cadres])];
}

/** The name of the user who owns the need, read when it is not the caller. */
export async function ownerNameOf(db: Database, caller: User, ownerId: string | null): Promise<string> {
  if (!ownerId) return '';
  if (ownerId === caller._id) return displayName(caller);
  return displayName(await findById(db, 'users', ownerId));
}

/** Only the owner decides or answers for a taken need. */
export function requireOwner(need: Need, caller: User, ownerName: string): void {
  if (need.status === 'taken' && need.ownerId === caller._id) return;
  if (need.status === 'taken' && need.ownerId) throw new AppError('STATE_CONFLICT', `该需求由 ${ownerName} 负责，请联系其处理或转交`);
  if (need.status === 'submitted') throw new AppError('STATE_CONFLICT', '请先接单');
}

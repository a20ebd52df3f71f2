/** Who stands on the cadres' side of a need, and how they are named in its steps. */
import { AppError } from '../../../core/errors';
import type { Need, Org, User } from '../../../core/types';
import { findById } from '../../db/collections';
import { findFields } from '../../db/query';
import type { Database } from '../../db/types';
import { organizersOf } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';

/** The league org and every org above it. */
export function orgChain(orgs: Org[], leagueOrgId: string): string[] {
  const chain: string[] = [];
  let current: string | null = leagueOrgId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = orgs.find((org) => org._id === current)?.parentId ?? null;
  }
  return chain;
}

/** Everyone who takes the org's needs: its organizers (or above) and the cadres designated for it (or above). */
export async function needTakersOf(db: Database, orgs: Org[], leagueOrgId: string): Promise<string[]> {
  const chain = orgChain(orgs, leagueOrgId);
  const [organizers, cadres] = await Promise.all([
    organizersOf(db, orgs, leagueOrgId),
    findFields(db, 'users', { roles: { role: 'cadre', scopeId: db.command.in(chain) } }, ['_id', 'roles']),
  ]);
  const designated = cadres.filter((user) => user.roles.some((grant) => grant.role === 'cadre' && chain.includes(grant.scopeId)));
  return [...new Set([...organizers, ...designated.map((user) => user._id)])];
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

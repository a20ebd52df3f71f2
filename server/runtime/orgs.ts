import type { Org, User } from '../../core/types';
import type { Database } from '../db/types';
import { findAll, findFields } from '../db/query';
import type { Ctx } from './context';
import { once } from './memo';
import { holdsOrganizer } from './organizers';

/**
 * The whole org tree, read once per invocation (admin changes it, but never reads it again in the same
 * call), a thousand orgs per round trip: a national tree is not cut at the first page.
 */
export function loadOrgs(ctx: Ctx): Promise<Org[]> {
  return once(ctx, 'orgs', () => findAll(ctx.db, 'orgs', {}), { keepAfterCommit: true });
}

/** Holds an organizer role for some league org. */
export const isOrganizer = (user: Pick<User, 'roles'>) => user.roles.some((grant) => grant.role === 'organizer');

/** Organizer of this league org or of one above it, decided from the org tree already read. */
export function managesIn(orgs: Org[], user: Pick<User, 'roles'>, leagueOrgId: string): boolean {
  return isOrganizer(user) && managedLeagueOrgIds(orgs, user).has(leagueOrgId);
}

/** League orgs a user administers: their own scopes and every org beneath them. */
export function managedLeagueOrgIds(orgs: Org[], user: Pick<User, 'roles'>): Set<string> {
  return leagueSubtree(
    orgs,
    user.roles.filter((grant) => grant.role === 'organizer').map((grant) => grant.scopeId),
  );
}

/** The given league orgs and every org beneath them. */
export function leagueSubtree(orgs: Org[], rootIds: string[]): Set<string> {
  const managed = new Set(rootIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of orgs) {
      if (org.kind === 'league' && org.parentId && managed.has(org.parentId) && !managed.has(org._id)) {
        managed.add(org._id);
        grew = true;
      }
    }
  }
  return managed;
}

export function orgName(orgs: Org[], id: string | null | undefined): string {
  return orgs.find((org) => org._id === id)?.name ?? '';
}

/** Ids of users who administer a league org (directly or through an ancestor), matched role by role. */
export async function organizersOf(db: Database, orgs: Org[], leagueOrgId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = leagueOrgId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = orgs.find((org) => org._id === current)?.parentId ?? null;
  }
  const users = await findFields(db, 'users', { roles: { role: 'organizer', scopeId: db.command.in(chain) } }, ['_id', 'roles']);
  return users.filter((user) => chain.some((orgId) => holdsOrganizer(user, orgId))).map((user) => user._id);
}

/**
 * Orgs of either kind a user administers: their league subtree, and the party orgs attached to a
 * league org in it (a party org attached to none belongs to the organizers of a top-level org).
 */
export function managedOrgIds(orgs: Org[], user: Pick<User, 'roles'>): Set<string> {
  const league = managedLeagueOrgIds(orgs, user);
  const managesTop = orgs.some((org) => org.kind === 'league' && org.parentId === null && league.has(org._id));
  const managed = new Set(league);
  for (const org of orgs) {
    if (org.kind === 'party' && (org.parentId ? league.has(org.parentId) : managesTop)) managed.add(org._id);
  }
  return managed;
}

/** Orgs that are not retired: the only ones offered for new teams, challenges and imports. */
export const activeOrgs = (orgs: Org[]) => orgs.filter((org) => !org.retiredAt);

import type { Org, OrgRole, User } from '../../core/types';
import type { Database } from '../db/types';
import { findAll, findFields } from '../db/query';
import type { Ctx } from './context';
import { once } from './memo';

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

/** An org and every org above it, nearest first. */
export function orgChain(orgs: Org[], orgId: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = orgId; at && !chain.includes(at);) {
    chain.push(at);
    at = orgs.find((org) => org._id === at)?.parentId ?? null;
  }
  return chain;
}

/**
 * Ids of users holding `role` for one of `scopeIds`. A query on `roles` matches its fields across
 * different elements of the array, so what it finds is checked here, element by element.
 */
export async function roleHolders(db: Database, role: OrgRole, scopeIds: string[]): Promise<string[]> {
  if (!scopeIds.length) return [];
  const users = await findFields(db, 'users', { roles: { role, scopeId: db.command.in(scopeIds) } }, ['_id', 'roles']);
  return users
    .filter((user) => user.roles.some((grant) => grant.role === role && scopeIds.includes(grant.scopeId)))
    .map((user) => user._id);
}

/** Ids of users who administer a league org (directly or through an ancestor), matched role by role. */
export function organizersOf(db: Database, orgs: Org[], leagueOrgId: string): Promise<string[]> {
  return roleHolders(db, 'organizer', orgChain(orgs, leagueOrgId));
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

/** Who stands where on a need: enterprise contacts and cadres, decided from the roles on the user record. */
import type { Org, User } from '../../core/types';
import { leagueSubtree, managedLeagueOrgIds } from './orgs';

/** The enterprises the user is a contact of. */
export function enterpriseIdsOf(user: Pick<User, 'roles'>): string[] {
  return user.roles.filter((grant) => grant.role === 'enterprise').map((grant) => grant.scopeId);
}

export const isEnterpriseContact = (user: Pick<User, 'roles'>, enterpriseId: string | null | undefined) =>
  !!enterpriseId && user.roles.some((grant) => grant.role === 'enterprise' && grant.scopeId === enterpriseId);

/** League orgs whose needs the user takes: the ones they organize and the ones they are a cadre for, with everything beneath. */
export function cadreLeagueOrgIds(orgs: Org[], user: Pick<User, 'roles'>): Set<string> {
  const cadreScopes = user.roles.filter((grant) => grant.role === 'cadre').map((grant) => grant.scopeId);
  return new Set([...managedLeagueOrgIds(orgs, user), ...leagueSubtree(orgs, cadreScopes)]);
}

export const takesNeedsIn = (orgs: Org[], user: Pick<User, 'roles'>, leagueOrgId: string) => cadreLeagueOrgIds(orgs, user).has(leagueOrgId);

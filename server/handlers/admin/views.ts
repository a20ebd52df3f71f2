import type { Org, User } from '../../../core/types';
import type { OrgNode, OrgTree } from '../../../core/views';
import { managedOrgIds } from '../../runtime/orgs';

/** The caller's own organizer scopes that still exist. */
export function scopesOf(orgs: Org[], caller: Pick<User, 'roles'>): string[] {
  const ids = new Set(orgs.map((org) => org._id));
  return caller.roles.filter((grant) => grant.role === 'organizer' && ids.has(grant.scopeId)).map((grant) => grant.scopeId);
}

export function orgNode(org: Org, scopeIds: string[]): OrgNode {
  return {
    id: org._id,
    kind: org.kind,
    name: org.name,
    unitName: org.unitName,
    parentId: org.parentId,
    retired: Boolean(org.retiredAt),
    isScope: scopeIds.includes(org._id),
  };
}

/** Everything the caller manages, top-down (parents before children), league orgs before party orgs. */
export function treeView(orgs: Org[], caller: Pick<User, 'roles'>): OrgTree {
  const managed = managedOrgIds(orgs, caller);
  const scopeIds = scopesOf(orgs, caller);
  const depth = new Map<string, number>();
  const depthOf = (org: Org): number => {
    const known = depth.get(org._id);
    if (known !== undefined) return known;
    depth.set(org._id, 0); // a cycle (never written, but never trusted) ends here instead of recursing forever
    const parent = orgs.find((candidate) => candidate._id === org.parentId && managed.has(candidate._id));
    const value = parent ? depthOf(parent) + 1 : 0;
    depth.set(org._id, value);
    return value;
  };
  const shown = orgs.filter((org) => managed.has(org._id));
  shown.sort((a, b) => a.kind.localeCompare(b.kind) || depthOf(a) - depthOf(b) || a.name.localeCompare(b.name, 'zh-CN'));
  return { scopeIds, orgs: shown.map((org) => orgNode(org, scopeIds)) };
}

/** The org tree as the organizer pages show it: league orgs indented under their parents, then party orgs. */
import type { OrgNode, OrgTree } from '@core/views';

export type TreeRow = { node: OrgNode; depth: number };

const byName = (a: OrgNode, b: OrgNode) => a.name.localeCompare(b.name, 'zh-CN');

/** League orgs depth-first (each under its parent), with how deep each sits; retired ones only when asked. */
export function leagueRows(tree: OrgTree, showRetired: boolean): TreeRow[] {
  const league = tree.orgs.filter((node) => node.kind === 'league' && (showRetired || !node.retired));
  const ids = new Set(league.map((node) => node.id));
  const rows: TreeRow[] = [];
  const placed = new Set<string>();
  const visit = (node: OrgNode, depth: number) => {
    if (placed.has(node.id)) return;
    placed.add(node.id);
    rows.push({ node, depth });
    league
      .filter((child) => child.parentId === node.id)
      .sort(byName)
      .forEach((child) => visit(child, depth + 1));
  };
  // Roots: the caller's scopes, and any org whose parent is not shown (above the scopes, or retired and hidden).
  league
    .filter((node) => !node.parentId || !ids.has(node.parentId))
    .sort(byName)
    .forEach((node) => visit(node, 0));
  return rows;
}

export function partyRows(tree: OrgTree, showRetired: boolean): OrgNode[] {
  return tree.orgs.filter((node) => node.kind === 'party' && (showRetired || !node.retired)).sort(byName);
}

export const findOrg = (tree: OrgTree, id: string | null | undefined) => tree.orgs.find((node) => node.id === id) ?? null;

/** A league org and every org beneath it. */
export function subtreeIds(tree: OrgTree, rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of tree.orgs) {
      if (node.parentId && ids.has(node.parentId) && !ids.has(node.id)) {
        ids.add(node.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** League orgs that may take new orgs under them: the caller's, not retired, in tree order. */
export function parentOptions(tree: OrgTree): OrgNode[] {
  return leagueRows(tree, false).map((row) => row.node);
}

/** Where an org may move: an active league org the caller manages, not itself, beneath it, or where it already is. */
export function moveTargets(tree: OrgTree, org: OrgNode): OrgNode[] {
  const below = org.kind === 'league' ? subtreeIds(tree, org.id) : new Set([org.id]);
  return parentOptions(tree).filter((node) => !below.has(node.id) && node.id !== org.parentId);
}

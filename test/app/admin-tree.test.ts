import type { OrgNode, OrgTree } from '../../core/views';
import { leagueRows, moveTargets, parentOptions, partyRows } from '../../src/packages/admin/orgs/tree';

const node = (id: string, parentId: string | null, extra: Partial<OrgNode> = {}): OrgNode => ({
  id,
  kind: 'league',
  name: id,
  unitName: `${id} 单位`,
  parentId,
  retired: false,
  isScope: false,
  ...extra,
});

// 省 ─ 市A ─ 区A1
//    └ 市B (retired) ─ 区B1 (retired)
// plus a party org under 市A, in the server's order (by kind, depth, name) rather than the tree's.
const tree: OrgTree = {
  scopeIds: ['省'],
  orgs: [
    node('省', null, { isScope: true }),
    node('市B', '省', { retired: true }),
    node('市A', '省'),
    node('区B1', '市B', { retired: true }),
    node('区A1', '市A'),
    node('党委A', '市A', { kind: 'party' }),
  ],
};

describe('the org tree as the organizer pages show it', () => {
  it('puts every league org under its parent, indented by depth, and hides retired ones unless asked', () => {
    expect(leagueRows(tree, false).map((row) => [row.node.id, row.depth])).toEqual([
      ['省', 0],
      ['市A', 1],
      ['区A1', 2],
    ]);
    expect(leagueRows(tree, true).map((row) => [row.node.id, row.depth])).toEqual([
      ['省', 0],
      ['市A', 1],
      ['区A1', 2],
      ['市B', 1],
      ['区B1', 2],
    ]);
    expect(partyRows(tree, false).map((one) => one.id)).toEqual(['党委A']);
  });

  it('starts a subtree whose parent is out of sight at the left edge', () => {
    const below = { scopeIds: ['市A'], orgs: [node('市A', '省', { isScope: true }), node('区A1', '市A')] };
    expect(leagueRows(below, false).map((row) => [row.node.id, row.depth])).toEqual([
      ['市A', 0],
      ['区A1', 1],
    ]);
  });

  it('offers as new parents only active league orgs, never the org itself, its descendants or where it already is', () => {
    expect(parentOptions(tree).map((one) => one.id)).toEqual(['省', '市A', '区A1']);
    expect(moveTargets(tree, tree.orgs[2]).map((one) => one.id)).toEqual([]); // 市A: 省 is its parent, 区A1 is beneath it
    expect(moveTargets(tree, tree.orgs[4]).map((one) => one.id)).toEqual(['省']); // 区A1
    expect(moveTargets(tree, tree.orgs[5]).map((one) => one.id)).toEqual(['省', '区A1']); // 党委A under 市A
  });
});

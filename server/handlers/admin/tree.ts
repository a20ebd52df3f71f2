/** The org tree inside an organizer's subtree: create, rename, move, retire (kept on record). */
import { AppError } from '../../../core/errors';
import type { Org } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import { count } from '../../db/query';
import type { Transaction } from '../../db/types';
import { audit, leagueOrgOf } from '../../runtime/audit';
import { keyedId } from '../../runtime/keyed-id';
import type { Handler } from '../../runtime/function';
import { leagueSubtree, loadOrgs } from '../../runtime/orgs';
import { organizerHolders } from '../../runtime/organizers';
import { revokeOrganizerRole } from './grants';
import { requireUniqueName } from './names';
import { scopesOf, treeView } from './views';

export const orgTree: Handler<'admin', 'orgTree'> = async ({ ctx, caller }) => {
  return treeView(await loadOrgs(ctx), caller);
};

export const createOrg: Handler<'admin', 'createOrg'> = async ({ ctx, caller, input, org: parent, orgs }) => {
  if (parent.kind !== 'league') throw new AppError('INVALID_INPUT', '党组织下不能再建下级组织，请选择一个团组织');
  if (parent.retiredAt) throw new AppError('STATE_CONFLICT', '上级组织已撤销，请选择其他组织');
  const _id = keyedId('org-', caller._id, input.requestId);
  const already = orgs.find((org) => org._id === _id);
  if (already) return treeView(orgs, caller);
  requireUniqueName(orgs, input.kind, input.name);
  const now = ctx.now();
  const created: Org = {
    _id,
    kind: input.kind,
    name: input.name,
    unitName: input.unitName,
    parentId: parent._id,
    createdAt: now,
    createdBy: caller._id,
    retiredAt: null,
  };
  await ctx.db.runTransaction(async (tx) => {
    const [existing, parentNow] = await Promise.all([txFind(tx, 'orgs', _id), txFind(tx, 'orgs', parent._id)]);
    if (existing) return;
    if (!parentNow || parentNow.retiredAt) throw new AppError('STATE_CONFLICT', '上级组织刚被撤销，请选择其他组织');
    await txSet(tx, 'orgs', created);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'createOrg',
      target: `orgs/${_id}`,
      orgId: created.kind === 'league' ? _id : parent._id,
      summary: `在「${parent.name}」下新建「${input.name}」`,
    });
  });
  return treeView([...orgs, created], caller);
};

export const renameOrg: Handler<'admin', 'renameOrg'> = async ({ ctx, caller, input, org, orgs }) => {
  if (org.retiredAt) throw new AppError('STATE_CONFLICT', '该组织已撤销，不能再修改');
  requireUniqueName(orgs, org.kind, input.name, org._id);
  const now = ctx.now();
  await ctx.db.runTransaction(async (tx) => {
    await txUpdate(tx, 'orgs', org._id, { name: input.name, unitName: input.unitName });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'renameOrg',
      target: `orgs/${org._id}`,
      orgId: leagueOrgOf(orgs, org._id),
      summary: `「${org.name}」（${org.unitName}）改为「${input.name}」（${input.unitName}）`,
    });
  });
  return treeView(
    orgs.map((candidate) => (candidate._id === org._id ? { ...org, name: input.name, unitName: input.unitName } : candidate)),
    caller,
  );
};

/**
 * Orgs the caller may move or retire: those under an org they manage. One of their own scopes is
 * their superior's to move or retire, unless they also manage the org above it.
 */
function requireBelowScope(org: Org, scopeIds: string[], managed: Set<string>, verb: string): void {
  if (scopeIds.includes(org._id) && !(org.parentId && managed.has(org.parentId))) {
    throw new AppError('FORBIDDEN', `不能${verb}你本人所管理的组织，请联系上级组织的管理员`);
  }
}

/** Whether `orgId` is `parentId` or above it, read inside the transaction (a concurrent move cannot close a cycle). */
async function isAncestorOrSelf(tx: Transaction, orgId: string, parentId: string): Promise<boolean> {
  const seen = new Set<string>();
  for (let at: string | null = parentId; at && !seen.has(at);) {
    if (at === orgId) return true;
    seen.add(at);
    const current: Org | null = await txFind(tx, 'orgs', at);
    if (current?.retiredAt) throw new AppError('STATE_CONFLICT', '新的上级组织（或它的上级）刚被撤销，请重新选择');
    at = current?.parentId ?? null;
  }
  return false;
}

export const moveOrg: Handler<'admin', 'moveOrg'> = async ({ ctx, caller, input, org, orgs, managed }) => {
  requireBelowScope(org, scopesOf(orgs, caller), managed, '移动');
  if (org.retiredAt) throw new AppError('STATE_CONFLICT', '该组织已撤销，不能再移动');
  const parent = orgs.find((candidate) => candidate._id === input.parentId);
  if (!parent || !managed.has(parent._id) || parent.kind !== 'league' || parent.retiredAt) {
    throw new AppError('INVALID_INPUT', '请选择你所管理的、未撤销的团组织作为新的上级');
  }
  if (org.kind === 'league' && leagueSubtree(orgs, [org._id]).has(parent._id)) {
    throw new AppError('INVALID_INPUT', '不能移到它自己或它的下级组织之下');
  }
  if (parent._id === org.parentId) return treeView(orgs, caller);
  const now = ctx.now();
  const from = orgs.find((candidate) => candidate._id === org.parentId)?.name ?? '（无）';
  await ctx.db.runTransaction(async (tx) => {
    if (org.kind === 'league' && (await isAncestorOrSelf(tx, org._id, parent._id))) {
      throw new AppError('STATE_CONFLICT', '组织树刚有变动，不能移到它自己或它的下级组织之下，请刷新后重试');
    }
    await txUpdate(tx, 'orgs', org._id, { parentId: parent._id });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'moveOrg',
      target: `orgs/${org._id}`,
      orgId: org.kind === 'league' ? org._id : parent._id,
      summary: `「${org.name}」从「${from}」移到「${parent.name}」之下`,
    });
  });
  return treeView(
    orgs.map((candidate) => (candidate._id === org._id ? { ...org, parentId: parent._id } : candidate)),
    caller,
  );
};

const ACTIVE_TEAM = ['pending', 'registered'];

export const retireOrg: Handler<'admin', 'retireOrg'> = async ({ ctx, caller, input, org, orgs, managed }) => {
  requireBelowScope(org, scopesOf(orgs, caller), managed, '撤销');
  if (org.retiredAt) return treeView(orgs, caller);
  const children = orgs.filter((candidate) => candidate.parentId === org._id && !candidate.retiredAt);
  if (children.length) {
    throw new AppError(
      'STATE_CONFLICT',
      `「${org.name}」下还有 ${children.length} 个组织（如「${children[0].name}」），请先移走或撤销它们`,
    );
  }
  const teamField = org.kind === 'league' ? 'leagueOrgId' : 'partyOrgId';
  const [teams, holders] = await Promise.all([
    count(ctx.db, 'teams', { [teamField]: org._id, status: ctx.db.command.in(ACTIVE_TEAM) }),
    organizerHolders(ctx, org._id),
  ]);
  if (teams) throw new AppError('STATE_CONFLICT', `「${org.name}」还有 ${teams} 支突击队，请先让它们转到其他组织或完成解散后再撤销`);
  const now = ctx.now();
  await ctx.db.runTransaction(async (tx) => {
    await txUpdate(tx, 'orgs', org._id, { retiredAt: now, retiredReason: input.reason });
    // Its organizers lose the role with it; their grants stay on record as revoked.
    for (const holder of holders) await revokeOrganizerRole(ctx, tx, holder._id, org._id, caller._id, `组织已撤销：${input.reason}`);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'admin',
      action: 'retireOrg',
      target: `orgs/${org._id}`,
      orgId: leagueOrgOf(orgs, org._id),
      summary: `撤销「${org.name}」：${input.reason}`,
    });
  });
  return treeView(
    orgs.map((candidate) => (candidate._id === org._id ? { ...org, retiredAt: now, retiredReason: input.reason } : candidate)),
    caller,
  );
};

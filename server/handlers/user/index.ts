import type { Org, User } from '../../../core/types';
import type { MeView } from '../../../core/views';
import { txFind, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { fileUrl } from '../../../core/files';
import type { Handlers } from '../../runtime/function';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { deleteAccount } from './delete';
import { exportData } from './export';
import { todoCounts } from './todo';
import { requireOwnFiles } from '../../runtime/files';

/** The org tree when the user holds a role (their scopes are named), otherwise nothing to read. */
function orgsFor(ctx: Ctx, user: User): Promise<Org[]> {
  return user.roles.length ? loadOrgs(ctx) : Promise.resolve([]);
}

function meView(user: User, orgs: Org[]): MeView {
  return {
    id: user._id,
    nickname: user.nickname,
    avatarUrl: fileUrl(user.avatar),
    realName: user.realName,
    unitName: user.unitName,
    phone: user.phone,
    roles: user.roles.map((grant) => ({ ...grant, scopeName: orgName(orgs, grant.scopeId) })),
    profileComplete: Boolean(user.realName && user.unitName),
    isNew: !user.nickname && !user.realName,
  };
}

export const userHandlers: Handlers<'user'> = {
  me: async ({ ctx, caller }) => meView(caller, await orgsFor(ctx, caller)),

  todo: ({ ctx, caller }) => todoCounts(ctx, caller),

  exportData: ({ ctx, caller }) => exportData(ctx, caller),

  deleteAccount: ({ ctx, caller }) => deleteAccount(ctx, caller),

  updateProfile: async ({ ctx, caller, input }) => {
    if (input.avatar) requireOwnFiles(caller._id, [input.avatar], [caller.avatar]);
    const orgs = await orgsFor(ctx, caller);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const updated = await ctx.db.runTransaction(async (tx) => {
      // Read inside the transaction: a role bound a moment ago (bindContact) is in the answer too.
      const current = (await txFind(tx, 'users', caller._id)) ?? caller;
      const now = ctx.now();
      await txUpdate(tx, 'users', caller._id, { ...changes, updatedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'user',
        action: 'updateProfile',
        target: `users/${caller._id}`,
        summary: `更新资料：${Object.keys(changes).join('、') || '无变化'}`,
      });
      // The fields are plain values, so the record now is the one read with them replaced.
      const after: User = { ...current, ...changes, updatedAt: now };
      return after;
    });
    return meView(updated, orgs);
  },
};

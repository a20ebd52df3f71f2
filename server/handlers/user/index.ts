import type { User } from '../../../core/types';
import type { MeView } from '../../../core/views';
import { txFind, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import { fileUrl } from '../../../core/files';
import type { Handlers } from '../../runtime/function';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { todoCounts } from './todo';

async function meView(ctx: Ctx, user: User): Promise<MeView> {
  const orgs = user.roles.length ? await loadOrgs(ctx) : [];
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
  me: ({ ctx, caller }) => meView(ctx, caller),

  todo: ({ ctx, caller }) => todoCounts(ctx, caller),

  updateProfile: async ({ ctx, caller, input }) => {
    await checkText(ctx, 1, input.nickname ?? '', input.realName ?? '', input.unitName ?? '');
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const updated = await ctx.db.runTransaction(async (tx) => {
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
      return txFind(tx, 'users', caller._id);
    });
    return meView(ctx, updated ?? caller);
  },
};

import { AppError } from '../../core/errors';
import type { User } from '../../core/types';
import { findById, txFind, txSet } from '../db/collections';
import type { Ctx } from './context';
import { audit } from './audit';

export function blankUser(openid: string, now: number): User {
  return { _id: openid, nickname: '', avatar: '', realName: '', unitName: '', phone: '', roles: [], createdAt: now, updatedAt: now };
}

/** The caller's user record; the first call of a new OPENID creates it. */
export async function ensureUser(ctx: Ctx): Promise<User> {
  const existing = await findById(ctx.db, 'users', ctx.openid);
  if (existing) return existing;
  return ctx.db.runTransaction(async (tx) => {
    const again = await txFind(tx, 'users', ctx.openid);
    if (again) return again;
    const user = blankUser(ctx.openid, ctx.now());
    await txSet(tx, 'users', user);
    await audit(tx, {
      at: user.createdAt,
      actor: ctx.openid,
      fn: 'user',
      action: 'create',
      target: `users/${ctx.openid}`,
      summary: '首次使用，创建用户',
    });
    return user;
  });
}

/** What others see for the nickname (and avatar) of a profile hidden after a report. */
export const HIDDEN_NICKNAME = '（资料已隐藏）';

/** The real name when there is one (kept even when the profile is hidden), else the nickname. */
export function displayName(user: (Pick<User, 'realName' | 'nickname'> & Pick<Partial<User>, 'hidden'>) | null | undefined): string {
  if (user?.realName) return user.realName;
  if (user?.hidden) return HIDDEN_NICKNAME;
  return user?.nickname || '未填写姓名';
}

/** A profile's avatar as others see it: none once hidden after a report. */
export function shownAvatar(user: Pick<User, 'avatar'> & Pick<Partial<User>, 'hidden'>): string {
  return user.hidden ? '' : user.avatar;
}

export function requireProfile(user: User, purpose: string): void {
  if (!user.realName || !user.unitName) {
    throw new AppError('STATE_CONFLICT', `请先在「我的 → 编辑资料」中填写真实姓名和所在单位，再${purpose}`);
  }
}

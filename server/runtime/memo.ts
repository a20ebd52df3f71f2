import type { Database } from '../db/types';
import type { Ctx } from './context';

const memos = new WeakMap<Ctx, Map<string, Promise<unknown>>>();

/**
 * A read made at most once per invocation: the access check and the handler ask for the same
 * thing (the org tree, the caller's memberships) and the second ask costs no round trip. The
 * runtime gives every invocation its own `ctx`, so nothing is shared between calls. Whatever was
 * remembered is dropped when the invocation commits a transaction (the membership a hand-over just
 * changed is read again), and a failed read is forgotten so a retry reads again.
 */
export function once<T>(ctx: Ctx, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = new Map();
    memos.set(ctx, memo);
  }
  const known = memo.get(key);
  if (known) return known as Promise<T>;
  const pending = load();
  memo.set(key, pending);
  pending.catch(() => memo.delete(key));
  return pending;
}

/** The invocation's database: the same, except that a finished transaction drops what `once` remembered. */
export function forgetOnCommit(ctx: Ctx): Database {
  const db = ctx.db;
  return {
    command: db.command,
    RegExp: (options) => db.RegExp(options),
    collection: (name) => db.collection(name),
    runTransaction: async (callback, retries) => {
      try {
        return await db.runTransaction(callback, retries);
      } finally {
        memos.delete(ctx);
      }
    },
  };
}

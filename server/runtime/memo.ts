import type { Database } from '../db/types';
import type { Ctx } from './context';

type Memo = { value: Promise<unknown>; keepAfterCommit: boolean };
const memos = new WeakMap<Ctx, Map<string, Memo>>();

/**
 * A read made at most once per invocation: the access check and the handler ask for the same
 * thing (the org tree, the caller's memberships) and the second ask costs no round trip. The
 * runtime gives every invocation its own `ctx`, so nothing is shared between calls. What was
 * remembered is dropped when the invocation commits a transaction (the membership a hand-over just
 * changed is read again) unless it is marked `keepAfterCommit` (the org tree, which no action of
 * these functions changes), and a failed read is forgotten so a retry reads again.
 */
export function once<T>(ctx: Ctx, key: string, load: () => Promise<T>, options: { keepAfterCommit?: boolean } = {}): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = new Map();
    memos.set(ctx, memo);
  }
  const known = memo.get(key);
  if (known) return known.value as Promise<T>;
  const pending = load();
  memo.set(key, { value: pending, keepAfterCommit: options.keepAfterCommit ?? false });
  pending.catch(() => memo.delete(key));
  return pending;
}

/** What `once` already holds for a key (read or in flight), without reading. */
export function peek<T>(ctx: Ctx, key: string): Promise<T> | undefined {
  return memos.get(ctx)?.get(key)?.value as Promise<T> | undefined;
}

function forgetChanged(ctx: Ctx): void {
  const memo = memos.get(ctx);
  if (!memo) return;
  for (const [key, entry] of memo) if (!entry.keepAfterCommit) memo.delete(key);
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
        forgetChanged(ctx);
      }
    },
  };
}

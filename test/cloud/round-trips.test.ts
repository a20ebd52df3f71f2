import type { Ctx } from '../../server/runtime/context';
import { forgetOnCommit, once } from '../../server/runtime/memo';
import { LocalDatabase } from '../../devcloud/store';

describe('round trips on the local store, as CloudBase would charge them', () => {
  let db: LocalDatabase;
  beforeEach(async () => {
    db = new LocalDatabase(null, { latencyMs: 2 });
    await db.collection('items').add({ data: { _id: 'a', n: 1 } });
    await db.collection('items').add({ data: { _id: 'b', n: 2 } });
  });

  it('charges every query and document operation once', async () => {
    const { profile } = await db.profile(async () => {
      await db.collection('items').where({ n: 1 }).get();
      await db.collection('items').doc('a').get();
      await db.collection('items').where({}).count();
      await db
        .collection('items')
        .doc('b')
        .update({ data: { n: 3 } });
    });
    expect(profile).toMatchObject({ calls: 4, writes: 1, depth: 4, outsideTx: 4, transactions: 0 });
  });

  it('counts reads started together as one step of depth', async () => {
    const { profile } = await db.profile(async () => {
      await Promise.all([
        db.collection('items').doc('a').get(),
        db.collection('items').doc('b').get(),
        db.collection('items').where({}).get(),
      ]);
      await db.collection('items').doc('a').get();
    });
    expect(profile).toMatchObject({ calls: 4, depth: 2 });
  });

  it('charges a transaction its begin, each operation and its commit, apart from the steps outside it', async () => {
    const { profile } = await db.profile(async () => {
      await db.collection('items').doc('a').get();
      await db.runTransaction(async (tx) => {
        await tx.collection('items').doc('a').get();
        await tx
          .collection('items')
          .doc('a')
          .update({ data: { n: 5 } });
        await tx
          .collection('items')
          .doc('c')
          .set({ data: { n: 6 } });
      });
    });
    expect(profile).toMatchObject({ calls: 6, writes: 3, depth: 6, outsideTx: 1, transactions: 1 });
    expect(db.meter.calls).toBeGreaterThanOrEqual(8); // the two adds of the setup as well
  });
});

describe('reads remembered for one invocation', () => {
  const ctxOf = (db: LocalDatabase): Ctx => ({
    db,
    openid: 'u',
    openapi: {} as Ctx['openapi'],
    storage: {} as Ctx['storage'],
    now: Date.now,
  });

  it('reads once per invocation and never across invocations', async () => {
    const db = new LocalDatabase(null);
    const first = ctxOf(db);
    const second = ctxOf(db);
    let reads = 0;
    const load = async () => (reads += 1);
    expect(await once(first, 'k', load)).toBe(1);
    expect(await once(first, 'k', load)).toBe(1);
    expect(await once(second, 'k', load)).toBe(2);
  });

  it('forgets what it remembered when the invocation commits a transaction, and after a failed read', async () => {
    const db = new LocalDatabase(null);
    const ctx = ctxOf(db);
    ctx.db = forgetOnCommit(ctx);
    let reads = 0;
    const load = async () => (reads += 1);
    await once(ctx, 'k', load);
    await ctx.db.runTransaction(async () => undefined);
    expect(await once(ctx, 'k', load)).toBe(2);
    await expect(once(ctx, 'broken', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await once(ctx, 'broken', async () => 'read again')).toBe('read again');
  });
});

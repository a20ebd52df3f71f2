import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isNotFoundError } from '../../server/db/types';
import { Journal } from '../../devcloud/journal';
import { LocalDatabase } from '../../devcloud/store';

describe('local cloud database', () => {
  let db: LocalDatabase;
  beforeEach(() => {
    db = new LocalDatabase(null);
  });

  it('matches with db.command operators, nested paths and array fields', async () => {
    const _ = db.command;
    const items = db.collection('items');
    await Promise.all([
      items.add({ data: { _id: 'a', n: 1, tag: 'x', meta: { level: 1 }, roles: [{ role: 'organizer', scopeId: 'o1' }] } }),
      items.add({ data: { _id: 'b', n: 5, tag: 'y', meta: { level: 2 }, roles: [] } }),
      items.add({ data: { _id: 'c', n: 9, tag: 'x', meta: { level: 3 }, roles: [{ role: 'partyContact', scopeId: 'p1' }] } }),
    ]);
    const ids = async (where: object) => (await items.where(where).orderBy('_id', 'asc').get()).data.map((d) => d._id);
    expect(await ids({ n: _.gt(1) })).toEqual(['b', 'c']);
    expect(await ids({ n: _.gte(1).and(_.lt(9)) })).toEqual(['a', 'b']);
    expect(await ids({ tag: _.in(['y']) })).toEqual(['b']);
    expect(await ids({ tag: _.neq('x') })).toEqual(['b']);
    expect(await ids({ meta: { level: 3 } })).toEqual(['c']);
    expect(await ids(_.or([{ n: 1 }, { n: 9 }]))).toEqual(['a', 'c']);
    expect(await ids({ roles: { role: 'organizer', scopeId: _.in(['o1', 'o2']) } })).toEqual(['a']);
    expect(await ids({ tag: db.RegExp({ regexp: '^Y$', options: 'i' }) })).toEqual(['b']);
    expect((await items.where({ tag: 'x' }).count()).total).toBe(2);
    expect((await items.orderBy('n', 'desc').skip(1).limit(1).get()).data[0]._id).toBe('b');
    expect((await items.doc('a').get()).data.meta).toEqual({ level: 1 });
    expect(Object.keys((await items.where({ _id: 'a' }).field({ n: true }).get()).data[0]).sort()).toEqual(['_id', 'n']);
  });

  it('returns at most 100 documents from a get() without limit, like the cloud', async () => {
    const docs = Array.from({ length: 150 }, (_, i) => ({ n: i }));
    for (const data of docs) await db.collection('many').add({ data });
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(120).get()).data).toHaveLength(120);
  });

  it('updates nested fields by path and applies inc, push and remove', async () => {
    const doc = db.collection('things').doc('t1');
    await doc.set({ data: { profile: { name: 'a', unit: 'u' }, count: 1, tags: ['x'], temp: true } });
    await doc.update({ data: { profile: { name: 'b' }, count: db.command.inc(2), tags: db.command.push('y'), temp: db.command.remove() } });
    expect((await doc.get()).data).toEqual({ _id: 't1', profile: { name: 'b', unit: 'u' }, count: 3, tags: ['x', 'y'] });
  });

  it('rejects get() of a missing document with the cloud error', async () => {
    const error = await db
      .collection('things')
      .doc('nope')
      .get()
      .catch((e: unknown) => e);
    expect(isNotFoundError(error)).toBe(true);
  });

  it('commits a transaction whole, and a thrown error or rollback leaves nothing written', async () => {
    const accounts = db.collection('accounts');
    await accounts.doc('a').set({ data: { balance: 10 } });
    await db.runTransaction(async (tx) => {
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: db.command.inc(-4) } });
      await tx
        .collection('accounts')
        .doc('b')
        .set({ data: { balance: 4 } });
      expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(6);
    });
    expect((await accounts.doc('b').get()).data.balance).toBe(4);

    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 0 } });
        await tx
          .collection('accounts')
          .doc('c')
          .set({ data: { balance: 99 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('a').remove();
        return tx.rollback('not enough');
      }),
    ).rejects.toBe('not enough');
    expect((await accounts.doc('a').get()).data.balance).toBe(6);
    expect((await accounts.where({ _id: 'c' }).count()).total).toBe(0);
  });

  it('serialises concurrent transactions so a limit read-then-write holds', async () => {
    await db
      .collection('races')
      .doc('r')
      .set({ data: { accepted: 0, max: 3 } });
    const attempts = Array.from({ length: 50 }, (_, i) =>
      db.runTransaction(async (tx) => {
        const race = (await tx.collection('races').doc('r').get()).data as unknown as { accepted: number; max: number };
        if (race.accepted >= race.max) return false;
        await tx
          .collection('races')
          .doc('r')
          .update({ data: { accepted: db.command.inc(1) } });
        await tx.collection('entries').doc(`e${i}`).set({ data: { i } });
        return true;
      }),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect((await db.collection('entries').count()).total).toBe(3);
  });

  it('keeps data on disk across a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-store-'));
    try {
      const first = new LocalDatabase(dir);
      await first
        .collection('notes')
        .doc('n1')
        .set({ data: { text: '你好' } });
      await first.runTransaction(async (tx) => {
        await tx
          .collection('notes')
          .doc('n2')
          .set({ data: { text: '世界' } });
      });
      const second = new LocalDatabase(dir);
      expect((await second.collection('notes').orderBy('_id', 'asc').get()).data.map((d) => d.text)).toEqual(['你好', '世界']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a crash at any moment (write-ahead journal)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kc-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a whole transaction a killed process had journaled but not yet written, then clears the journal', async () => {
    const first = new LocalDatabase(dir);
    await first
      .collection('teams')
      .doc('t1')
      .set({ data: { memberCount: 1 } });
    // What a join commits: the member, the count and the audit entry, journaled together; the
    // process dies before writing any of them to the collection files.
    const journal = new Journal(path.join(dir, 'journal'));
    await journal.record([
      { collection: 'members', id: 't1_u2', doc: { _id: 't1_u2', teamId: 't1', userId: 'u2' } },
      { collection: 'teams', id: 't1', doc: { _id: 't1', memberCount: 2 } },
      { collection: 'audit', id: 'a1', doc: { _id: 'a1', target: 'members/t1_u2' } },
    ]);
    const restarted = new LocalDatabase(dir);
    expect((await restarted.collection('teams').doc('t1').get()).data.memberCount).toBe(2);
    expect((await restarted.collection('members').where({ teamId: 't1' }).count()).total).toBe(1);
    expect((await restarted.collection('audit').where({ target: 'members/t1_u2' }).count()).total).toBe(1);
    expect(readdirSync(path.join(dir, 'journal'))).toEqual([]);
  });

  it('drops a journal that was never completed, so none of that change appears', async () => {
    mkdirSync(path.join(dir, 'journal'), { recursive: true });
    writeFileSync(path.join(dir, 'journal', 'x.json.tmp'), '[{"collection":"members","id":"t1_u9","doc":{"_id":"t1_u9"');
    const db = new LocalDatabase(dir);
    expect((await db.collection('members').count()).total).toBe(0);
    expect(readdirSync(path.join(dir, 'journal'))).toEqual([]);
  });

  it('opens collections without writing to their files (so it starts on a full disk) and removes a half-done compaction', async () => {
    const first = new LocalDatabase(dir);
    await first
      .collection('teams')
      .doc('t1')
      .set({ data: { status: 'registered', leaderId: 'u1' } });
    await first
      .collection('teams')
      .doc('t1')
      .update({ data: { memberCount: 3 } });
    const file = path.join(dir, 'teams.db');
    writeFileSync(`${file}~`, 'a compaction that ran out of space');
    const before = readFileSync(file, 'utf8');
    const again = new LocalDatabase(dir);
    expect((await again.collection('teams').doc('t1').get()).data).toMatchObject({ status: 'registered', memberCount: 3 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}~`)).toBe(false);
  });
});

describe('ordered pages over a large collection', () => {
  it('answers sorted, filtered, cursor-paged queries exactly as a full sort would', async () => {
    const db = new LocalDatabase(null);
    const _ = db.command;
    const docs = Array.from({ length: 6000 }, (_unused, i) => ({
      _id: `d${String(i).padStart(5, '0')}`,
      status: i % 7 === 0 ? 'draft' : 'confirmed',
      featured: i % 500 === 0,
      kind: ['a', 'b', 'c'][i % 3],
      // Many share an instant, so ties are broken by _id.
      confirmedAt: Math.floor(i / 4),
    }));
    const ds = await db.store('achievements');
    await ds.insertAsync(docs);
    const expected = (keep: (doc: (typeof docs)[number]) => boolean, direction: 1 | -1, limit: number) =>
      docs
        .filter(keep)
        .sort((a, b) => direction * (a.confirmedAt - b.confirmedAt) || direction * a._id.localeCompare(b._id))
        .slice(0, limit)
        .map((doc) => doc._id);
    const page = async (where: object, direction: 'asc' | 'desc', limit: number) =>
      (
        await db.collection('achievements').where(where).orderBy('confirmedAt', direction).orderBy('_id', direction).limit(limit).get()
      ).data.map((doc) => doc._id);

    expect(await page({ status: 'confirmed', featured: false }, 'desc', 20)).toEqual(
      expected((doc) => doc.status === 'confirmed' && !doc.featured, -1, 20),
    );
    expect(await page({ status: 'confirmed', kind: 'b' }, 'asc', 50)).toEqual(
      expected((doc) => doc.status === 'confirmed' && doc.kind === 'b', 1, 50),
    );
    // The cursor after (1000, d04001) in descending order.
    const cursor = _.or([{ confirmedAt: _.lt(1000) }, { confirmedAt: 1000, _id: _.lt('d04001') }]);
    expect(await page(_.and([{ status: 'confirmed' }, cursor]), 'desc', 20)).toEqual(
      expected((doc) => doc.status === 'confirmed' && (doc.confirmedAt < 1000 || (doc.confirmedAt === 1000 && doc._id < 'd04001')), -1, 20),
    );
    // A narrow equality (few featured) and no match at all.
    expect(await page({ featured: true }, 'desc', 5)).toEqual(expected((doc) => doc.featured, -1, 5));
    expect(await page({ status: 'confirmed', kind: 'z' }, 'desc', 20)).toEqual([]);
    // Results are copies: changing one does not change the store.
    const [first] = (await db.collection('achievements').where({ status: 'confirmed' }).orderBy('confirmedAt', 'desc').limit(1).get()).data;
    first.kind = 'changed';
    expect((await db.collection('achievements').doc(first._id).get()).data.kind).not.toBe('changed');
  });
});

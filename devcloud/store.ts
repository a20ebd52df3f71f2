/**
 * The local cloud database: the wx-server-sdk database subset over @seald-io/nedb, file-backed
 * under a data directory. Writers (plain writes and whole transactions) run one at a time, so a
 * transaction sees no interleaved write and a thrown error leaves nothing written.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import model from '@seald-io/nedb/lib/model.js';
import type {
  CollectionReference,
  Database,
  DocData,
  DocumentReference,
  Query,
  SortDirection,
  StoredDoc,
  Transaction,
  TransactionDocumentReference,
} from '../server/db/types';
import { assertPlainData, command, toStoreQuery, toStoreUpdate } from './commands';
import { Mutex } from './mutex';
import { orderedScan } from './ordered-scan';
import { INDEXES } from './indexes';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Nedb = Datastore<StoredDoc>;

function newId(): string {
  return randomBytes(16).toString('hex');
}

function notFound(verb: string, id: string): Error {
  return Object.assign(new Error(`document.${verb}:fail document with _id ${id} does not exist`), { errCode: -502005 });
}

function clone<T>(value: T): T {
  return model.deepCopy(value) as T;
}

export class LocalDatabase implements Database {
  readonly command = command;
  private readonly stores = new Map<string, Promise<Nedb>>();
  readonly writes = new Mutex();

  constructor(readonly dataDir: string | null) {}

  RegExp(options: { regexp: string; options?: string }): RegExp {
    return new RegExp(options.regexp, options.options ?? '');
  }

  /** The embedded datastore behind a collection, created and indexed on first use. */
  store(name: string): Promise<Nedb> {
    if (!/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`invalid collection name: ${name}`);
    let pending = this.stores.get(name);
    if (!pending) {
      pending = (async () => {
        const ds: Nedb = new Datastore<StoredDoc>(
          this.dataDir ? { filename: path.join(this.dataDir, `${name}.db`) } : { inMemoryOnly: true },
        );
        await ds.loadDatabaseAsync();
        for (const fieldName of INDEXES[name] ?? []) await ds.ensureIndexAsync({ fieldName });
        return ds;
      })();
      this.stores.set(name, pending);
    }
    return pending;
  }

  collection(name: string): CollectionReference {
    return new LocalCollection(this, name, {});
  }

  async runTransaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      const tx = new LocalTransaction(this);
      const result = await callback(tx).catch((error: unknown) => {
        throw error instanceof Rollback ? error.reason : error;
      });
      if (tx.rolledBack) throw tx.rolledBack.reason;
      await tx.commit();
      return result;
    });
  }

  /** Names of the collections opened so far (tests compare whole-store snapshots with it). */
  collectionNames(): string[] {
    return [...this.stores.keys()].sort();
  }

  /** Persist everything compactly; used on shutdown. */
  async compact(): Promise<void> {
    for (const pending of this.stores.values()) await (await pending).compactDatafileAsync();
  }
}

type QueryState = {
  where?: DocData;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
};

class LocalCollection implements CollectionReference {
  constructor(
    private readonly db: LocalDatabase,
    private readonly name: string,
    private readonly state: QueryState,
  ) {}

  private with(patch: QueryState): LocalCollection {
    return new LocalCollection(this.db, this.name, { ...this.state, ...patch });
  }

  where(condition: object): Query {
    const translated = toStoreQuery(condition);
    const where = this.state.where ? { $and: [this.state.where, translated] } : translated;
    return this.with({ where });
  }

  orderBy(field: string, direction: SortDirection): Query {
    if (direction !== 'asc' && direction !== 'desc') throw new Error('orderBy direction must be asc or desc');
    return this.with({ sort: { ...this.state.sort, [field]: direction === 'asc' ? 1 : -1 } });
  }

  skip(count: number): Query {
    return this.with({ skip: count });
  }

  limit(count: number): Query {
    if (!Number.isInteger(count) || count <= 0) throw new Error('limit must be a positive integer');
    return this.with({ limit: Math.min(count, MAX_LIMIT) });
  }

  field(projection: Record<string, boolean>): Query {
    const picked = Object.fromEntries(Object.entries(projection).map(([key, keep]) => [key, keep ? 1 : 0])) as Record<string, 0 | 1>;
    return this.with({ projection: picked });
  }

  async get(): Promise<{ data: StoredDoc[] }> {
    const ds = await this.db.store(this.name);
    if (this.state.sort && !this.state.skip && !this.state.projection) {
      const page = orderedScan(ds, this.state.where ?? {}, this.state.sort, this.state.limit ?? DEFAULT_LIMIT);
      if (page) return { data: page };
    }
    let cursor = ds.findAsync(this.state.where ?? {});
    if (this.state.sort) cursor = cursor.sort(this.state.sort);
    if (this.state.skip) cursor = cursor.skip(this.state.skip);
    cursor = cursor.limit(this.state.limit ?? DEFAULT_LIMIT);
    if (this.state.projection) cursor = cursor.projection(this.state.projection);
    return { data: await cursor };
  }

  async count(): Promise<{ total: number }> {
    const ds = await this.db.store(this.name);
    return { total: await ds.countAsync(this.state.where ?? {}) };
  }

  async update(options: { data: DocData }): Promise<{ stats: { updated: number } }> {
    const ds = await this.db.store(this.name);
    const update = toStoreUpdate(options.data);
    const { numAffected } = await this.db.writes.run(() => ds.updateAsync(this.state.where ?? {}, update, { multi: true }));
    return { stats: { updated: numAffected } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    const ds = await this.db.store(this.name);
    const removed = await this.db.writes.run(() => ds.removeAsync(this.state.where ?? {}, { multi: true }));
    return { stats: { removed } };
  }

  doc(id: string): DocumentReference {
    return new LocalDocument(this.db, this.name, id);
  }

  async add(options: { data: DocData }): Promise<{ _id: string }> {
    assertPlainData(options.data);
    const ds = await this.db.store(this.name);
    const _id = typeof options.data._id === 'string' ? options.data._id : newId();
    await this.db.writes.run(() => ds.insertAsync({ ...clone(options.data), _id }));
    return { _id };
  }
}

class LocalDocument implements DocumentReference {
  constructor(
    private readonly db: LocalDatabase,
    private readonly name: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: StoredDoc }> {
    const ds = await this.db.store(this.name);
    const found = await ds.findOneAsync({ _id: this.id });
    if (!found) throw notFound('get', this.id);
    return { data: found };
  }

  async set(options: { data: DocData }) {
    assertPlainData(options.data);
    const ds = await this.db.store(this.name);
    const doc = { ...clone(options.data), _id: this.id };
    const { upsert } = await this.db.writes.run(() => ds.updateAsync({ _id: this.id }, doc, { upsert: true }));
    return { _id: this.id, stats: { updated: upsert ? 0 : 1, created: upsert ? 1 : 0 } };
  }

  async update(options: { data: DocData }) {
    const ds = await this.db.store(this.name);
    const update = toStoreUpdate(options.data);
    const { numAffected } = await this.db.writes.run(() => ds.updateAsync({ _id: this.id }, update, {}));
    return { stats: { updated: numAffected } };
  }

  async remove() {
    const ds = await this.db.store(this.name);
    const removed = await this.db.writes.run(() => ds.removeAsync({ _id: this.id }, {}));
    return { stats: { removed } };
  }
}

class Rollback {
  constructor(readonly reason: unknown) {}
}

type PendingWrite = { collection: string; id: string; doc: StoredDoc | null };

/** Buffers writes; reads see the transaction's own writes; commit applies them all. */
class LocalTransaction implements Transaction {
  private readonly pending = new Map<string, PendingWrite>();
  rolledBack: Rollback | null = null;

  constructor(private readonly db: LocalDatabase) {}

  rollback(reason?: unknown): never {
    this.rolledBack = new Rollback(reason);
    throw this.rolledBack;
  }

  collection(name: string) {
    return { doc: (id: string) => this.document(name, id) };
  }

  private key(collection: string, id: string) {
    return `${collection}\u0000${id}`;
  }

  private async current(collection: string, id: string): Promise<StoredDoc | null> {
    const write = this.pending.get(this.key(collection, id));
    if (write) return write.doc ? clone(write.doc) : null;
    const ds = await this.db.store(collection);
    return ds.findOneAsync({ _id: id });
  }

  private document(collection: string, id: string): TransactionDocumentReference {
    const stage = (doc: StoredDoc | null) => this.pending.set(this.key(collection, id), { collection, id, doc });
    return {
      get: async () => {
        const doc = await this.current(collection, id);
        if (!doc) throw notFound('get', id);
        return { data: doc };
      },
      set: async ({ data }) => {
        assertPlainData(data);
        stage({ ...clone(data), _id: id });
        return { _id: id };
      },
      update: async ({ data }) => {
        const doc = await this.current(collection, id);
        if (!doc) throw notFound('update', id);
        stage(model.modify(doc, toStoreUpdate(data)) as StoredDoc);
        return { stats: { updated: 1 } };
      },
      remove: async () => {
        stage(null);
        return { stats: { removed: 1 } };
      },
    };
  }

  async commit(): Promise<void> {
    for (const write of this.pending.values()) {
      const ds = await this.db.store(write.collection);
      if (write.doc) await ds.updateAsync({ _id: write.id }, write.doc, { upsert: true });
      else await ds.removeAsync({ _id: write.id }, {});
    }
  }
}

/**
 * The local cloud database: the wx-server-sdk database subset over @seald-io/nedb, file-backed
 * under a data directory. Writers (plain writes and whole transactions) run one at a time, so a
 * transaction sees no interleaved write and a thrown error leaves nothing written. Every write,
 * a transaction's or a plain one, is applied as one change through the write-ahead journal
 * (journal.ts): all of it or none of it is there after a `kill -9` or a power cut. Opening a
 * collection never rewrites its file (nedb compacts on load by default), so the host starts on a
 * full disk; files are compacted on shutdown, and a failed compaction leaves no `~` file behind.
 *
 * Every call that would be a network round trip on CloudBase is counted in `meter` and, when a
 * latency is set (`DB_LATENCY_MS`), waits that long: each query, document operation and add, and
 * for a transaction its begin, each operation inside it and its commit.
 *
 * Each collection keeps a single-field index on every field its declared indexes name
 * (server/db/indexes.ts); queries are noted in the query log (query-log.ts) when a test turns it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { localIndexFields } from '../server/db/indexes';
import { assertPlainData, command, toStoreQuery, toStoreUpdate } from './commands';
import { flushFile, Journal, type JournalEntry } from './journal';
import { Mutex } from './mutex';
import { orderedScan } from './ordered-scan';
import { noteQuery } from './query-log';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Nedb = Datastore<StoredDoc>;

function newId(): string {
  return randomBytes(16).toString('hex');
}

function notFound(verb: string, id: string): Error {
  return Object.assign(new Error(`document.${verb}:fail document with _id ${id} does not exist`), { errCode: -502005 });
}

/**
 * One process per data directory: two would each keep their own copy in memory and overwrite each
 * other's files. A lock left by a process that is gone (killed) is taken over.
 */
function claimDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, '.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lock, 'utf8'));
  if (holder && holder !== process.pid && processAlive(holder)) {
    throw new Error(`数据目录 ${dataDir} 正被另一个本地云进程（pid ${holder}）使用，请先关闭它`);
  }
  writeFileSync(lock, String(process.pid));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertCollectionName(name: string): void {
  if (!/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`invalid collection name: ${name}`);
}

function exists(id: string): Error {
  return Object.assign(new Error(`collection.add:fail document with _id ${id} already exists`), { errCode: -502001 });
}

function clone<T>(value: T): T {
  return model.deepCopy(value) as T;
}

/** Round trips made so far; the bench and tests reset and read it. */
export type Meter = { calls: number };

/**
 * What one measured invocation cost: round trips, and how many of them lie one after another on
 * the critical path (a call that starts after another finished is one step deeper; calls started
 * together share a step). `outsideTx` counts the steps not inside a transaction; `writes` the
 * calls that change data (plain writes, and a transaction's writes and commit).
 */
export type CallProfile = { calls: number; writes: number; depth: number; outsideTx: number; transactions: number };

type Scope = CallProfile & { inTx: boolean };
const scopes = new AsyncLocalStorage<Scope>();

function latencyFromEnv(): number {
  const value = Number(process.env.DB_LATENCY_MS ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export class LocalDatabase implements Database {
  readonly command = command;
  private readonly stores = new Map<string, Promise<Nedb>>();
  readonly writes = new Mutex();
  readonly meter: Meter = { calls: 0 };
  /** Milliseconds each round trip waits, as a call to CloudBase would. */
  latencyMs: number;

  private readonly journal: Journal | null;
  private recovery: Promise<void> | null = null;
  private failed: Error | null = null;

  constructor(
    readonly dataDir: string | null,
    options: { latencyMs?: number } = {},
  ) {
    this.latencyMs = options.latencyMs ?? latencyFromEnv();
    if (dataDir) claimDataDir(dataDir);
    this.journal = dataDir ? new Journal(path.join(dataDir, 'journal')) : null;
  }

  /** One round trip: counted, and delayed by the simulated latency. */
  async roundTrip(kind: 'read' | 'write' = 'read'): Promise<void> {
    this.meter.calls += 1;
    const scope = scopes.getStore();
    const start = scope ? { depth: scope.depth, outsideTx: scope.outsideTx } : null;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (scope && start) {
      scope.calls += 1;
      if (kind === 'write') scope.writes += 1;
      scope.depth = Math.max(scope.depth, start.depth + 1);
      if (!scope.inTx) scope.outsideTx = Math.max(scope.outsideTx, start.outsideTx + 1);
    }
  }

  /**
   * Run `task` and profile the round trips it makes. Depths are only meaningful with a latency
   * set: it is what keeps calls that run together from finishing before the next one starts.
   */
  async profile<T>(task: () => Promise<T>): Promise<{ result: T; profile: CallProfile }> {
    const scope: Scope = { calls: 0, writes: 0, depth: 0, outsideTx: 0, transactions: 0, inTx: false };
    const result = await scopes.run(scope, task);
    const { inTx: _inTx, ...profile } = scope;
    return { result, profile };
  }

  RegExp(options: { regexp: string; options?: string }): RegExp {
    return new RegExp(options.regexp, options.options ?? '');
  }

  /** The embedded datastore behind a collection, created and indexed on first use (after any left-over journal is applied). */
  async store(name: string): Promise<Nedb> {
    assertCollectionName(name);
    await this.recovered();
    return this.open(name);
  }

  private fileOf(name: string): string | null {
    return this.dataDir ? path.join(this.dataDir, `${name}.db`) : null;
  }

  private open(name: string): Promise<Nedb> {
    let pending = this.stores.get(name);
    if (!pending) {
      pending = (async () => {
        const filename = this.fileOf(name);
        // A `~` beside an intact file is a compaction that did not finish: the file itself is whole.
        if (filename && existsSync(filename)) rmSync(`${filename}~`, { force: true });
        // Journals re-apply what a crash cut short, so a torn last line is dropped, not fatal.
        const ds: Nedb = new Datastore<StoredDoc>(filename ? { filename, corruptAlertThreshold: 1 } : { inMemoryOnly: true });
        await loadWithoutWriting(ds, localIndexFields(name));
        return ds;
      })();
      this.stores.set(name, pending);
    }
    return pending;
  }

  /** Applies the journals a killed process left, once, before any collection is read. */
  private recovered(): Promise<void> {
    this.recovery ??= (async () => {
      for (const { file, entries } of this.journal?.leftOver() ?? []) {
        for (const entry of entries) assertCollectionName(entry.collection);
        await this.apply(entries);
        await this.journal?.clear(file);
      }
    })();
    return this.recovery;
  }

  /**
   * Writes a change to several documents all or nothing: journaled first (on disk), then applied
   * and flushed, then the journal cleared. Callers hold the `writes` mutex.
   */
  async commit(entries: JournalEntry[]): Promise<void> {
    if (!entries.length) return;
    if (this.failed) throw this.failed;
    for (const entry of entries) assertCollectionName(entry.collection);
    const file = this.journal ? await this.journal.record(entries) : null;
    try {
      await this.apply(entries);
    } catch (error) {
      // Half applied (a full disk, an I/O error): memory and files may now disagree. Stop writing;
      // a restart re-applies the journal, in order, before any later write is taken.
      this.failed = Object.assign(new Error(`store stopped after a failed write; restart to recover: ${(error as Error).message}`), {
        cause: error,
      });
      throw this.failed;
    }
    if (file) await this.journal?.clear(file);
  }

  private async apply(entries: JournalEntry[]): Promise<void> {
    for (const entry of entries) {
      const ds = await this.open(entry.collection);
      if (entry.doc) await ds.updateAsync({ _id: entry.id }, entry.doc, { upsert: true });
      else await ds.removeAsync({ _id: entry.id }, {});
    }
    const files = [...new Set(entries.map((entry) => this.fileOf(entry.collection)))];
    await Promise.all(files.map((file) => (file ? flushFile(file) : null)));
  }

  collection(name: string): CollectionReference {
    return new LocalCollection(this, name, {});
  }

  async runTransaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const scope = scopes.getStore();
    const run = () =>
      this.writes.run(async () => {
        await this.roundTrip();
        const tx = new LocalTransaction(this);
        const result = await callback(tx).catch((error: unknown) => {
          throw error instanceof Rollback ? error.reason : error;
        });
        if (tx.rolledBack) throw tx.rolledBack.reason;
        await this.roundTrip('write');
        await tx.commit();
        return result;
      });
    if (!scope) return run();
    scope.transactions += 1;
    // The transaction's steps are counted in the caller's scope, marked as inside a transaction.
    const inner: Scope = scope;
    return scopes.run(new Proxy(inner, { get: (target, key) => (key === 'inTx' ? true : Reflect.get(target, key)) }), run);
  }

  /** Names of the collections opened so far (tests compare whole-store snapshots with it). */
  collectionNames(): string[] {
    return [...this.stores.keys()].sort();
  }

  /** Persist everything compactly and let the data directory go; used on shutdown. A compaction that fails (a full disk) leaves the file as it was. */
  async compact(): Promise<void> {
    await this.compactFiles();
    if (this.dataDir) rmSync(path.join(this.dataDir, '.lock'), { force: true });
  }

  private async compactFiles(): Promise<void> {
    for (const [name, pending] of this.stores) {
      const file = this.fileOf(name);
      try {
        await (await pending).compactDatafileAsync();
      } catch (error) {
        if (file) rmSync(`${file}~`, { force: true });
        console.error(`[store] ${name}: compaction skipped`, (error as Error).message);
      }
    }
  }
}

/** nedb rewrites the whole file after loading and appends a line per index created; neither is needed to read it. */
async function loadWithoutWriting(ds: Nedb, indexes: string[]): Promise<void> {
  const persistence = ds.persistence as unknown as {
    persistCachedDatabaseAsync: () => Promise<void>;
    persistNewStateAsync: (docs: unknown[]) => Promise<void>;
  };
  const { persistCachedDatabaseAsync, persistNewStateAsync } = persistence;
  persistence.persistCachedDatabaseAsync = async () => undefined;
  persistence.persistNewStateAsync = async () => undefined;
  try {
    await ds.loadDatabaseAsync();
    for (const fieldName of indexes) await ds.ensureIndexAsync({ fieldName });
  } finally {
    persistence.persistCachedDatabaseAsync = persistCachedDatabaseAsync;
    persistence.persistNewStateAsync = persistNewStateAsync;
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
    noteQuery(this.name, 'get', this.state);
    await this.db.roundTrip();
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
    noteQuery(this.name, 'count', { where: this.state.where });
    await this.db.roundTrip();
    const ds = await this.db.store(this.name);
    return { total: await ds.countAsync(this.state.where ?? {}) };
  }

  async update(options: { data: DocData }): Promise<{ stats: { updated: number } }> {
    noteQuery(this.name, 'update', { where: this.state.where });
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const update = toStoreUpdate(options.data);
    const updated = await this.db.writes.run(async () => {
      const docs = await ds.findAsync(this.state.where ?? {});
      await this.db.commit(docs.map((doc) => ({ collection: this.name, id: doc._id, doc: model.modify(doc, update) as StoredDoc })));
      return docs.length;
    });
    return { stats: { updated } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    noteQuery(this.name, 'remove', { where: this.state.where });
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const removed = await this.db.writes.run(async () => {
      const docs = await ds.findAsync(this.state.where ?? {});
      await this.db.commit(docs.map((doc) => ({ collection: this.name, id: doc._id, doc: null })));
      return docs.length;
    });
    return { stats: { removed } };
  }

  doc(id: string): DocumentReference {
    return new LocalDocument(this.db, this.name, id);
  }

  async add(options: { data: DocData }): Promise<{ _id: string }> {
    assertPlainData(options.data);
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const _id = typeof options.data._id === 'string' ? options.data._id : newId();
    await this.db.writes.run(async () => {
      if (await ds.findOneAsync({ _id })) throw exists(_id);
      await this.db.commit([{ collection: this.name, id: _id, doc: { ...clone(options.data), _id } }]);
    });
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
    await this.db.roundTrip();
    const ds = await this.db.store(this.name);
    const found = await ds.findOneAsync({ _id: this.id });
    if (!found) throw notFound('get', this.id);
    return { data: found };
  }

  async set(options: { data: DocData }) {
    assertPlainData(options.data);
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const doc = { ...clone(options.data), _id: this.id };
    const created = await this.db.writes.run(async () => {
      const existed = await ds.findOneAsync({ _id: this.id });
      await this.db.commit([{ collection: this.name, id: this.id, doc }]);
      return !existed;
    });
    return { _id: this.id, stats: { updated: created ? 0 : 1, created: created ? 1 : 0 } };
  }

  async update(options: { data: DocData }) {
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const update = toStoreUpdate(options.data);
    const updated = await this.db.writes.run(async () => {
      const found = await ds.findOneAsync({ _id: this.id });
      if (!found) return 0;
      await this.db.commit([{ collection: this.name, id: this.id, doc: model.modify(found, update) as StoredDoc }]);
      return 1;
    });
    return { stats: { updated } };
  }

  async remove() {
    await this.db.roundTrip('write');
    const ds = await this.db.store(this.name);
    const removed = await this.db.writes.run(async () => {
      if (!(await ds.findOneAsync({ _id: this.id }))) return 0;
      await this.db.commit([{ collection: this.name, id: this.id, doc: null }]);
      return 1;
    });
    return { stats: { removed } };
  }
}

class Rollback {
  constructor(readonly reason: unknown) {}
}

type PendingWrite = JournalEntry;

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
        await this.db.roundTrip();
        const doc = await this.current(collection, id);
        if (!doc) throw notFound('get', id);
        return { data: doc };
      },
      set: async ({ data }) => {
        assertPlainData(data);
        await this.db.roundTrip('write');
        stage({ ...clone(data), _id: id });
        return { _id: id };
      },
      update: async ({ data }) => {
        await this.db.roundTrip('write');
        const doc = await this.current(collection, id);
        if (!doc) throw notFound('update', id);
        stage(model.modify(doc, toStoreUpdate(data)) as StoredDoc);
        return { stats: { updated: 1 } };
      },
      remove: async () => {
        await this.db.roundTrip('write');
        stage(null);
        return { stats: { removed: 1 } };
      },
    };
  }

  commit(): Promise<void> {
    return this.db.commit([...this.pending.values()]);
  }
}

/**
 * Reads that name their collection once and come back typed: `find(db, 'members', { teamId })`
 * instead of spelling the collection twice as a query and a type. Asking for some fields
 * only gives a type with only those fields.
 */
import type { Collections, CollectionName } from './collections';
import type { Database, SortDirection } from './types';

/** The most documents one get() returns on CloudBase. */
export const MAX_PAGE = 1000;

export type FindOptions = {
  orderBy?: [field: string, direction: SortDirection][];
  limit?: number;
};

type Picked<K extends CollectionName, F extends keyof Collections[K]> = Pick<Collections[K], F | Extract<'_id', keyof Collections[K]>>;

async function run(db: Database, name: CollectionName, where: object, options: FindOptions, fields?: readonly PropertyKey[]) {
  let query = db.collection(name).where(where);
  for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction);
  if (fields) query = query.field(Object.fromEntries(fields.map((field) => [String(field), true])));
  return (await query.limit(options.limit ?? MAX_PAGE).get()).data;
}

export async function find<K extends CollectionName>(
  db: Database,
  name: K,
  where: object,
  options: FindOptions = {},
): Promise<Collections[K][]> {
  return (await run(db, name, where, options)) as unknown as Collections[K][];
}

/** `find` returning only the named fields (and `_id`). */
export async function findFields<K extends CollectionName, F extends keyof Collections[K]>(
  db: Database,
  name: K,
  where: object,
  fields: readonly F[],
  options: FindOptions = {},
): Promise<Picked<K, F>[]> {
  return (await run(db, name, where, options, fields)) as unknown as Picked<K, F>[];
}

export async function count(db: Database, name: CollectionName, where: object): Promise<number> {
  return (await db.collection(name).where(where).count()).total;
}

function chunks(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids.filter(Boolean))];
  const out: string[][] = [];
  for (let at = 0; at < unique.length; at += MAX_PAGE) out.push(unique.slice(at, at + MAX_PAGE));
  return out;
}

/** The documents with these ids (missing ones left out): one query per thousand ids, all at once. */
export async function byIds<K extends CollectionName>(db: Database, name: K, ids: readonly string[]): Promise<Collections[K][]> {
  const pages = await Promise.all(chunks(ids).map((chunk) => find(db, name, { _id: db.command.in(chunk) })));
  return pages.flat();
}

/** `byIds` returning only the named fields (and `_id`). */
export async function fieldsByIds<K extends CollectionName, F extends keyof Collections[K]>(
  db: Database,
  name: K,
  ids: readonly string[],
  fields: readonly F[],
): Promise<Picked<K, F>[]> {
  const pages = await Promise.all(chunks(ids).map((chunk) => findFields(db, name, { _id: db.command.in(chunk) }, fields)));
  return pages.flat();
}

/** `byIds` as a map from id to document. */
export async function mapByIds<K extends CollectionName>(
  db: Database,
  name: K,
  ids: readonly string[],
): Promise<Map<string, Collections[K]>> {
  return new Map((await byIds(db, name, ids)).map((doc) => [(doc as { _id: string })._id, doc]));
}

/** Every document matching `where`, read in _id order a thousand at a time (no skip, no cap). */
export async function findAll<K extends CollectionName>(db: Database, name: K, where: object): Promise<Collections[K][]> {
  const _ = db.command;
  const out: Collections[K][] = [];
  let last = '';
  for (;;) {
    const page = await find(db, name, last ? _.and([where, { _id: _.gt(last) }]) : where, { orderBy: [['_id', 'asc']] });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
    last = (page[page.length - 1] as { _id: string })._id;
  }
}

/**
 * A record of the queries the local store answers, for the index-coverage test: the collection,
 * each filtered field and how it is constrained, and the sort. Off unless a test starts it; off,
 * a query costs the store one null check. Document operations by `_id` (doc(id), a transaction's
 * reads and writes) are not recorded: the `_id` index always serves them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** How a filter constrains a field: one value, a list of values, a range, or anything else (neq, nin, exists, regex). */
export type Constraint = 'eq' | 'in' | 'range' | 'other';
export type FilterField = { field: string; how: Constraint };
export type SortField = { field: string; direction: 1 | -1 };

/** What a filter asks: fields every match satisfies, and groups of alternatives (`_.or`) of which a match satisfies one each. */
export type FilterShape = { fields: FilterField[]; anyOf: FilterShape[][] };

export type LoggedQuery = FilterShape & {
  collection: string;
  op: 'get' | 'count' | 'update' | 'remove';
  sort: SortField[];
  skip?: number;
  limit?: number;
  /** The call that made it, as the test labelled it (`fn.action`); none for the test's own reads. */
  call?: string;
};

let active: LoggedQuery[] | null = null;
const calls = new AsyncLocalStorage<string>();

/** Start recording; returns the list queries are appended to. */
export function startQueryLog(): LoggedQuery[] {
  active = [];
  return active;
}

export function stopQueryLog(): void {
  active = null;
}

/** Run `task` with every query it makes labelled `call`. */
export function labelQueries<T>(call: string, task: () => Promise<T>): Promise<T> {
  return calls.run(call, task);
}

/** What the store knows of a query: `where` and `sort` in its own (MongoDB) language. */
export type StoreQuery = { where?: object; sort?: Record<string, 1 | -1>; skip?: number; limit?: number };

/** Called by the store for every query. */
export function noteQuery(collection: string, op: LoggedQuery['op'], query: StoreQuery): void {
  if (!active) return;
  const sort = Object.entries(query.sort ?? {}).map(([field, direction]) => ({ field, direction }));
  active.push({ collection, op, ...shapeOf(query.where ?? {}), sort, skip: query.skip, limit: query.limit, call: calls.getStore() });
}

const STRENGTH: Constraint[] = ['other', 'range', 'in', 'eq'];
const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

function isOperators(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || value instanceof RegExp || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function constraintOf(value: unknown): Constraint {
  if (value instanceof RegExp) return 'other';
  if (!isOperators(value)) return 'eq';
  const ops = Object.keys(value);
  if (ops.length === 1 && ops[0] === '$in') return 'in';
  if (ops.every((op) => RANGE_OPS.has(op))) return 'range';
  return 'other';
}

/** `fields` and `more` as one list; a field in both keeps its stronger constraint. */
export function mergeFields(fields: FilterField[], more: FilterField[]): FilterField[] {
  const byField = new Map(fields.map((one) => [one.field, one.how]));
  for (const { field, how } of more) {
    const known = byField.get(field);
    if (!known || STRENGTH.indexOf(how) > STRENGTH.indexOf(known)) byField.set(field, how);
  }
  return [...byField].map(([field, how]) => ({ field, how }));
}

/**
 * The shape of a translated `where`: nested conditions (devcloud/commands.ts) arrive as dot paths
 * (`roles.scopeId`), `_.and` as `$and` (merged here), `_.or` as `$or` (a group of alternatives).
 * A field constrained twice (`_.gte(a).and(_.lte(b))`) keeps its strongest constraint.
 */
export function shapeOf(where: object): FilterShape {
  let fields: FilterField[] = [];
  const anyOf: FilterShape[][] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and') {
      for (const part of value as object[]) {
        const inner = shapeOf(part);
        fields = mergeFields(fields, inner.fields);
        anyOf.push(...inner.anyOf);
      }
    } else if (key === '$or') {
      anyOf.push((value as object[]).map(shapeOf));
    } else {
      fields = mergeFields(fields, [{ field: key, how: constraintOf(value) }]);
    }
  }
  return { fields, anyOf };
}

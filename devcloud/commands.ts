/**
 * `db.command` for the local store, and the translation of cloud-database conditions and
 * updates into the MongoDB-style language the embedded store speaks.
 */
import type { Command, DocData } from '../server/db/types';

type QueryOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists';
type UpdateOp = 'inc' | 'set' | 'remove' | 'push' | 'pull' | 'addToSet';

export class QueryCommand {
  constructor(
    readonly op: QueryOp | 'and' | 'or',
    readonly value: unknown,
  ) {}
  and(...others: unknown[]) {
    return new QueryCommand('and', [this, ...flatten(others)]);
  }
  or(...others: unknown[]) {
    return new QueryCommand('or', [this, ...flatten(others)]);
  }
}

export class UpdateCommand {
  constructor(
    readonly op: UpdateOp,
    readonly value: unknown,
  ) {}
}

function flatten(values: unknown[]): unknown[] {
  return values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
}

export const command: Command = {
  eq: (value) => new QueryCommand('eq', value),
  neq: (value) => new QueryCommand('neq', value),
  gt: (value) => new QueryCommand('gt', value),
  gte: (value) => new QueryCommand('gte', value),
  lt: (value) => new QueryCommand('lt', value),
  lte: (value) => new QueryCommand('lte', value),
  in: (values) => new QueryCommand('in', values),
  nin: (values) => new QueryCommand('nin', values),
  exists: (flag) => new QueryCommand('exists', flag),
  and: (...conditions) => new QueryCommand('and', flatten(conditions)),
  or: (...conditions) => new QueryCommand('or', flatten(conditions)),
  inc: (by) => new UpdateCommand('inc', by),
  set: (value) => new UpdateCommand('set', value),
  remove: () => new UpdateCommand('remove', true),
  push: (value) => new UpdateCommand('push', value),
  pull: (value) => new UpdateCommand('pull', value),
  addToSet: (value) => new UpdateCommand('addToSet', value),
};

function isPlainObject(value: unknown): value is DocData {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

const COMPARISON: Record<Exclude<QueryOp, 'eq'>, string> = {
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

/** Translate a `where()` condition. Nested plain objects match by field path, as in the cloud. */
export function toStoreQuery(condition: unknown, prefix = ''): DocData {
  if (condition instanceof QueryCommand) {
    if (condition.op === 'and' || condition.op === 'or') {
      const parts = (condition.value as unknown[]).map((part) => toStoreQuery(part, prefix));
      return condition.op === 'and' ? mergeConditions(parts) : { $or: parts };
    }
    if (!prefix) throw new Error(`db.command.${condition.op} needs a field`);
    return fieldCondition(prefix, condition);
  }
  if (!isPlainObject(condition)) throw new Error('where() takes an object');
  const parts: DocData[] = [];
  for (const [key, value] of Object.entries(condition)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value instanceof QueryCommand) parts.push(toStoreQuery(value, path));
    else if (isPlainObject(value)) parts.push(toStoreQuery(value, path));
    else parts.push({ [path]: value });
  }
  return mergeConditions(parts);
}

/** One flat object where keys do not collide, so the store can use an index on a top-level field. */
function mergeConditions(parts: DocData[]): DocData {
  const merged: DocData = {};
  const rest: DocData[] = [];
  for (const part of parts) {
    const keys = Object.keys(part);
    if (keys.some((key) => key in merged || key.startsWith('$'))) rest.push(part);
    else Object.assign(merged, part);
  }
  return rest.length ? { ...merged, $and: rest } : merged;
}

function fieldCondition(path: string, cmd: QueryCommand): DocData {
  if (cmd.op === 'eq') return { [path]: cmd.value };
  return { [path]: { [COMPARISON[cmd.op as Exclude<QueryOp, 'eq'>]]: cmd.value } };
}

/** Translate an `update()` payload: plain nested objects update by field path, commands map to operators. */
export function toStoreUpdate(data: DocData): DocData {
  const ops: Record<string, DocData> = {};
  const put = (op: string, path: string, value: unknown) => {
    (ops[op] ??= {})[path] = value;
  };
  const walk = (value: DocData, prefix: string) => {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '_id') continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (inner instanceof UpdateCommand) {
        if (inner.op === 'inc') put('$inc', path, inner.value);
        else if (inner.op === 'set') put('$set', path, inner.value);
        else if (inner.op === 'remove') put('$unset', path, true);
        else if (inner.op === 'push') put('$push', path, Array.isArray(inner.value) ? { $each: inner.value } : inner.value);
        else if (inner.op === 'pull') put('$pull', path, inner.value);
        else put('$addToSet', path, Array.isArray(inner.value) ? { $each: inner.value } : inner.value);
      } else if (isPlainObject(inner) && Object.keys(inner).length > 0) {
        walk(inner, path);
      } else {
        put('$set', path, inner);
      }
    }
  };
  walk(data, '');
  return ops;
}

/** Data written by add()/set() may not carry commands; a stored document is plain data. */
export function assertPlainData(data: DocData): void {
  for (const value of Object.values(data)) {
    if (value instanceof UpdateCommand || value instanceof QueryCommand) {
      throw new Error('set()/add() data cannot contain db.command operators');
    }
    if (isPlainObject(value)) assertPlainData(value);
  }
}

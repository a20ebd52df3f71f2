/**
 * When a declared index serves a logged query, by the compound-index rules CloudBase documents
 * (its database is MongoDB's):
 * - 微信云开发「索引管理」(developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/index.md)
 *   and 腾讯云 CloudBase「管理数据库 · 索引管理」(cloud.tencent.com/document/product/876/32310): a query hits
 *   a compound index only through a prefix of its fields (A,B,C serves A and A,B, never B); a sort
 *   hits it only with every direction as declared or every direction reversed.
 * - MongoDB「Use Indexes to Sort Query Results」: a sort on fields after the prefix is served when
 *   the query has equality on every field before them; otherwise the sort is a blocking in-memory one.
 * - MongoDB「The ESR (Equality, Sort, Range) Rule」: equality fields first, then the sort, then a
 *   range; a range before the sort fields leaves a blocking sort.
 *
 * The rule, per index: its leading field is constrained by the query (equality, `in` or a range).
 * The index's fields with equality or `in` in the query form its prefix (`in` counts as equality:
 * MongoDB walks one range per value and merges them in sort order). The sort, less any field fixed
 * by equality, continues the index right after that prefix, in order, with directions all as
 * declared or all reversed. Without a sort, one range on the next field narrows the scan too. Any
 * other filter (more equality, more ranges, neq, exists, regex) is checked on the documents the
 * index yields: fine, the leading field has already narrowed them. `_.or` is served when the rest
 * of the query is, or when every alternative (with the rest) is. A query no index can narrow
 * reads the whole collection: allowed only where the collection declares `readWhole`. Every
 * collection has the `_id` index, which serves document reads by id and paging by id.
 */
import { COLLECTIONS, fieldName, type CollectionDecl, type IndexDecl } from '../server/db/indexes';
import { mergeFields, type Constraint, type FilterField, type FilterShape, type LoggedQuery, type SortField } from './query-log';

/** The index CloudBase keeps on every collection. */
export const ID_INDEX: IndexDecl = { fields: ['_id'] };

/** Served, with the indexes that serve it (none for a whole read where `readWhole` allows it); or not, and why. */
export type Verdict = { served: true; indexes: IndexDecl[] } | { served: false; reason: string };

const NARROWING = new Set<Constraint>(['eq', 'in', 'range']);

/**
 * How many of the index's fields the query uses (equality prefix, sort, a range), or null when the
 * index does not serve it.
 */
export function fit(index: IndexDecl, fields: FilterField[], sort: SortField[]): number | null {
  const how = new Map(fields.map((one) => [one.field, one.how]));
  const keys = index.fields.map((field) => ({ field: fieldName(field), direction: field.startsWith('-') ? -1 : 1 }));
  const lead = how.get(keys[0].field);
  if (!lead || !NARROWING.has(lead)) return null;
  const ordered = sort.filter((one) => how.get(one.field) !== 'eq');
  let at = 0;
  while (
    at < keys.length &&
    ordered[0]?.field !== keys[at].field &&
    (how.get(keys[at].field) === 'eq' || how.get(keys[at].field) === 'in')
  ) {
    at += 1;
  }
  if (ordered.length) {
    const flip = keys[at] ? keys[at].direction * ordered[0].direction : 0;
    const follows = ordered.every((one, i) => keys[at + i]?.field === one.field && keys[at + i].direction * one.direction === flip);
    return follows ? at + ordered.length : null;
  }
  return at < keys.length && how.get(keys[at].field) === 'range' ? at + 1 : at;
}

/** The index that serves `fields` sorted by `sort` best (most fields used, then fewest fields), if any. */
function best(indexes: IndexDecl[], fields: FilterField[], sort: SortField[]): IndexDecl | null {
  let chosen: { index: IndexDecl; score: number } | null = null;
  for (const index of indexes) {
    const score = fit(index, fields, sort);
    if (score === null) continue;
    if (!chosen || score > chosen.score || (score === chosen.score && index.fields.length < chosen.index.fields.length)) {
      chosen = { index, score };
    }
  }
  return chosen?.index ?? null;
}

/** The indexes that serve a filter shape (one, or one per `_.or` alternative), or null. */
function plan(indexes: IndexDecl[], shape: FilterShape, sort: SortField[]): IndexDecl[] | null {
  const whole = best(indexes, shape.fields, sort);
  if (whole) return [whole];
  for (const [at, group] of shape.anyOf.entries()) {
    const others = shape.anyOf.filter((_, i) => i !== at);
    const branches = group.map((branch) =>
      plan(indexes, { fields: mergeFields(shape.fields, branch.fields), anyOf: [...others, ...branch.anyOf] }, sort),
    );
    if (branches.every((one) => one)) return branches.flat() as IndexDecl[];
  }
  return null;
}

/** Whether anything in the filter could narrow a scan (an equality, `in` or range on some field). */
function narrows(shape: FilterShape): boolean {
  return shape.fields.some((one) => NARROWING.has(one.how)) || shape.anyOf.some((group) => group.every(narrows));
}

/** Whether the declaration serves `query`, and with which indexes. */
export function verdict(query: LoggedQuery, collections: Record<string, CollectionDecl> = COLLECTIONS): Verdict {
  const decl = collections[query.collection];
  if (!decl) return { served: false, reason: 'collection not declared in server/db/indexes.ts' };
  const indexes = plan([ID_INDEX, ...decl.indexes], query, query.sort);
  if (indexes) return { served: true, indexes };
  if (!narrows(query) && decl.readWhole) return { served: true, indexes: [] };
  return {
    served: false,
    reason: narrows(query) ? 'no declared index serves it' : 'reads the whole collection, which declares no readWhole',
  };
}

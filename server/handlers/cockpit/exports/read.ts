/**
 * Reads for exports: every matching record in an index's order, a thousand a round trip, stopping
 * as soon as there are more than an export may hold; and the refusal that says so.
 */
import { EXPORT_MAX_ROWS } from '../../../../core/cockpit-rules';
import { AppError } from '../../../../core/errors';
import type { Member, Team } from '../../../../core/types';
import type { CollectionName, Collections } from '../../../db/collections';
import { MAX_PAGE, find, findAll } from '../../../db/query';
import type { Database, SortDirection } from '../../../db/types';

/**
 * Documents matching `where` in (`field`, `_id`) order, paged on both (the order an index declares,
 * so no new index is needed), until there are none left or more than `max`.
 */
export async function readSorted<K extends CollectionName>(
  db: Database,
  name: K,
  where: object,
  field: string,
  direction: SortDirection,
  max = EXPORT_MAX_ROWS,
): Promise<Collections[K][]> {
  const _ = db.command;
  const beyond = (value: unknown) => (direction === 'asc' ? _.gt(value) : _.lt(value));
  const byId = field === '_id';
  const orderBy: [string, SortDirection][] = byId
    ? [['_id', direction]]
    : [
        [field, direction],
        ['_id', direction],
      ];
  /** Strictly after the last document read, in the same order. */
  const after = (last: Record<string, unknown>) =>
    byId ? { _id: beyond(last._id) } : _.or([{ [field]: beyond(last[field]) }, { [field]: last[field], _id: beyond(last._id) }]);
  const out: Collections[K][] = [];
  let last: Record<string, unknown> | null = null;
  for (;;) {
    const page = await find(db, name, last ? _.and([where, after(last)]) : where, { orderBy });
    out.push(...page);
    if (page.length < MAX_PAGE || out.length > max) return out;
    last = page[page.length - 1] as Record<string, unknown>;
  }
}

/** Ids in groups of at most a thousand (the most an `in` is given here), to read together. */
export function idGroups(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const out: string[][] = [];
  for (let at = 0; at < unique.length; at += MAX_PAGE) out.push(unique.slice(at, at + MAX_PAGE));
  return out;
}

/** The members of these teams, grouped so each group fits one page by the teams' counts, all groups read at once. */
export async function membersOf(db: Database, teams: Pick<Team, '_id' | 'memberCount'>[]): Promise<Member[]> {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const team of teams) {
    const members = Math.max(1, team.memberCount || 0);
    if (current.length && size + members > MAX_PAGE) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(team._id);
    size += members;
  }
  if (current.length) groups.push(current);
  // A group whose counts were stale still reads whole: findAll pages on.
  const pages = await Promise.all(groups.map((teamIds) => findAll(db, 'members', { teamId: db.command.in(teamIds) })));
  return pages.flat();
}

/** Refuses an export of more rows than one file may hold, saying what to do instead. */
export function requireWithinCap(rows: number, what: string, instead: string): void {
  if (rows > EXPORT_MAX_ROWS) throw new AppError('INVALID_INPUT', `${what}超过单次导出的上限 ${EXPORT_MAX_ROWS} 行，${instead}`);
}

/**
 * The rollup job's reads: every record that feeds a figure, a thousand at a time in _id order
 * (served by the _id index), only the fields a figure needs, each collection's pages one after
 * another and the collections side by side. Each page goes into the tally as it arrives, so
 * memory holds one page per collection, not the collections.
 */
import { performance } from 'node:perf_hooks';
import type { CollectionName, Collections } from '../../db/collections';
import { findFields, MAX_PAGE } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import type { Rollup } from '../../../core/types';
import { Tally } from './rollup-tally';

type Picked<K extends CollectionName, F extends keyof Collections[K]> = Pick<Collections[K], F | Extract<'_id', keyof Collections[K]>>;

/** Notices whose receipts are read in one query (an `in` of at most this many ids). */
const NOTICES_PER_READ = 100;

/**
 * Reads every document matching `where` page by page into `visit`. False when the deadline
 * (performance.now()) passed before the last page: the caller drops what it read.
 */
async function scan<K extends CollectionName, F extends keyof Collections[K]>(
  ctx: Ctx,
  name: K,
  where: object,
  fields: readonly F[],
  visit: (rows: Picked<K, F>[]) => void,
  until: number,
): Promise<boolean> {
  let last = '';
  for (;;) {
    const page = await findFields(ctx.db, name, { ...where, _id: ctx.db.command.gt(last) }, fields, {
      orderBy: [['_id', 'asc']],
      limit: MAX_PAGE,
    });
    visit(page);
    if (page.length < MAX_PAGE) return true;
    if (performance.now() > until) return false;
    last = (page[page.length - 1] as unknown as { _id: string })._id;
  }
}

/** Notices, then the acknowledged receipts of those that ask for 已知悉. */
async function noticesInto(ctx: Ctx, tally: Tally, until: number): Promise<boolean> {
  const _ = ctx.db.command;
  if (!(await scan(ctx, 'notices', {}, ['leagueOrgId', 'requireAck', 'recipientCount'], (rows) => tally.notices(rows), until)))
    return false;
  const ids = tally.ackNoticeIds();
  const chunks = Array.from({ length: Math.ceil(ids.length / NOTICES_PER_READ) }, (_x, i) =>
    ids.slice(i * NOTICES_PER_READ, (i + 1) * NOTICES_PER_READ),
  );
  const done = await Promise.all(
    chunks.map((chunk) =>
      scan(ctx, 'noticeReads', { noticeId: _.in(chunk), ackAt: _.neq(null) }, ['noticeId'], (rows) => tally.acknowledgements(rows), until),
    ),
  );
  return done.every(Boolean);
}

/** Every org's own figures from every record, or null when the reads ran past `until`. */
export async function tallyAll(ctx: Ctx, now: number, until: number): Promise<Tally | null> {
  const _ = ctx.db.command;
  const tally = new Tally(now);
  const done = await Promise.all([
    scan(ctx, 'teams', {}, ['leagueOrgId', 'status', 'field', 'refreshedAt'], (rows) => tally.teams(rows), until),
    scan(
      ctx,
      'challenges',
      {},
      ['leagueOrgId', 'status', 'createdAt', 'publishedAt', 'cancelled', 'outcome'],
      (rows) => tally.challengeRows(rows),
      until,
    ),
    scan(ctx, 'claims', {}, ['challengeId', 'status', 'appliedAt', 'review'], (rows) => tally.claims(rows), until),
    scan(
      ctx,
      'achievements',
      { status: _.in(['submitted', 'confirmed']) },
      ['leagueOrgId', 'status', 'type', 'confirmedAt', 'hidden'],
      (rows) => tally.achievements(rows),
      until,
    ),
    scan(
      ctx,
      'letters',
      { status: _.neq('draft') },
      ['leagueOrgId', 'status', 'issuedAt', 'openedAt'],
      (rows) => tally.letters(rows),
      until,
    ),
    noticesInto(ctx, tally, until),
    scan(
      ctx,
      'needs',
      { status: _.neq('draft') },
      ['leagueOrgId', 'submittedAt', 'takenAt', 'outcome'],
      (rows) => tally.needs(rows),
      until,
    ),
    scan(ctx, 'transfers', {}, ['leagueOrgId', 'needId', 'status', 'kind', 'amount', 'decision'], (rows) => tally.transfers(rows), until),
  ]);
  return done.every(Boolean) ? tally : null;
}

/** Every stored rollup (one per league org that has had any figure). */
export async function storedRollups(ctx: Ctx): Promise<Map<string, Rollup>> {
  const stored = new Map<string, Rollup>();
  await scan(
    ctx,
    'rollups',
    {},
    ['orgId', 'figures', 'computedAt'],
    (rows) => {
      for (const rollup of rows) stored.set(rollup._id, rollup);
    },
    Infinity,
  );
  return stored;
}

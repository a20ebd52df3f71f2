/** Reading needs: the enterprise's own, the public board, and one need as its reader may see it. */
import { NEED_PAGE_SIZE, type NeedStatus } from '../../../core/need-rules';
import { AppError } from '../../../core/errors';
import { findById } from '../../db/collections';
import { find } from '../../db/query';
import type { Handler } from '../../runtime/function';
import { enterpriseIdsOf } from '../../runtime/need-roles';
import { loadOrgs } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { isPublicNeed, NEED_HIDDEN, needCard, needDetailView, readNames, readNeedDetail, standing } from './views';

/** What the public board lists: everything past the draft that the enterprise has not withdrawn. */
const ON_BOARD: NeedStatus[] = ['submitted', 'taken', 'challenge', 'recommended', 'merged', 'declined'];

/** Regex metacharacters in a user's keyword are searched for literally. */
const literal = (keyword: string) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const mine: Handler<'need', 'mine'> = async ({ ctx, caller }) => {
  const enterpriseIds = enterpriseIdsOf(caller);
  if (!enterpriseIds.length) return [];
  const needs = await find(ctx.db, 'needs', { enterpriseId: ctx.db.command.in(enterpriseIds) }, { orderBy: [['updatedAt', 'desc']] });
  const names = await readNames(
    ctx,
    needs.flatMap((need) => (need.ownerId ? [need.ownerId] : [])),
    [caller],
  );
  const now = ctx.now();
  return needs.map((need) => needCard(need, names, now));
};

/** The public needs, newest submitted first; who took one is for its enterprise and cadres, not the board. */
export const board: Handler<'need', 'board'> = async ({ ctx, input }) => {
  const _ = ctx.db.command;
  const conditions: object[] = [{ visibility: 'public', status: _.in(ON_BOARD) }];
  if (input.keyword) {
    const pattern = ctx.db.RegExp({ regexp: literal(input.keyword), options: 'i' });
    conditions.push(_.or([{ title: pattern }, { enterpriseName: pattern }]));
  }
  if (input.cursor) conditions.push(afterCursor(_, 'submittedAt', input.cursor, 'desc'));
  const needs = await find(ctx.db, 'needs', _.and(conditions), {
    orderBy: [
      ['submittedAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: NEED_PAGE_SIZE,
  });
  const now = ctx.now();
  return {
    items: needs.map((need) => ({ ...needCard(need, new Map(), now), ownerName: null })),
    nextCursor: nextCursorOf(needs, NEED_PAGE_SIZE, (need) => need.submittedAt ?? 0),
  };
};

export const detail: Handler<'need', 'detail'> = async ({ ctx, caller, input }) => {
  const [need, orgs] = await Promise.all([findById(ctx.db, 'needs', input.needId), loadOrgs(ctx)]);
  if (!need) throw new AppError('NOT_FOUND', NEED_HIDDEN);
  const { insider } = standing(caller, need, orgs);
  // Not told apart from a need that does not exist: a draft or an organizers-only need is not the reader's to know of.
  if (!insider && !isPublicNeed(need)) throw new AppError('NOT_FOUND', NEED_HIDDEN);
  return needDetailView(caller, need, orgs, await readNeedDetail(ctx, need, insider, [caller]), ctx.now());
};

export const listHandlers = { mine, board, detail };

/** 成果转化 records: what a team may record, recording, the team's list, the detail, the other party's queue and decision. */
import type { Transfer } from '../../../core/types';
import { find } from '../../db/query';
import type { Handlers } from '../../runtime/function';
import { membershipsOf } from '../../runtime/lookups';
import { enterpriseIdsOf } from '../../runtime/need-roles';
import { basisOptions } from './basis';
import { confirm } from './confirm';
import { create } from './create';
import { readAbout, transferCard, transferDetail } from './views';

/** More than any team or enterprise records; a list is read whole up to here. */
const LIST_LIMIT = 200;

const newestFirst = (a: Transfer, b: Transfer) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1);

export const recordHandlers: Pick<Handlers<'transfer'>, 'basisOptions' | 'create' | 'teamTransfers' | 'detail' | 'pending' | 'confirm'> = {
  basisOptions,
  create,
  confirm,

  teamTransfers: async ({ ctx, team }) => {
    const transfers = await find(ctx.db, 'transfers', { teamId: team._id }, { orderBy: [['createdAt', 'desc']], limit: LIST_LIMIT });
    return transfers.map(transferCard);
  },

  detail: async ({ ctx, caller, transfer, isTeam, canConfirm, organizer }) =>
    transferDetail(transfer, await readAbout(ctx, transfer, [caller]), { isTeam, canConfirm, seesCode: isTeam || organizer }),

  /** Waiting for the caller: bound to them by a code, or of an enterprise they are a contact of; never their own team's. */
  pending: async ({ ctx, caller }) => {
    const _ = ctx.db.command;
    const enterprises = enterpriseIdsOf(caller);
    const [bound, ofEnterprises, memberships] = await Promise.all([
      find(ctx.db, 'transfers', { confirmerId: caller._id, status: 'pending' }, { limit: LIST_LIMIT }),
      enterprises.length ? find(ctx.db, 'transfers', { enterpriseId: _.in(enterprises), status: 'pending' }, { limit: LIST_LIMIT }) : [],
      membershipsOf(ctx, caller._id),
    ]);
    const own = new Set(memberships.map((member) => member.teamId));
    const unique = new Map([...bound, ...ofEnterprises].map((transfer) => [transfer._id, transfer]));
    return [...unique.values()]
      .filter((transfer) => !own.has(transfer.teamId))
      .sort(newestFirst)
      .map(transferCard);
  },
};

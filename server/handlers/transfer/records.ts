/** 成果转化 records: what a team may record, recording, the team's list, the detail, the other party's queue and decision. */
import type { Transfer } from '../../../core/types';
import { find } from '../../db/query';
import type { Handlers } from '../../runtime/function';
import { membershipOf, membershipsOf } from '../../runtime/lookups';
import { enterpriseIdsOf } from '../../runtime/need-roles';
import { isOrganizer, loadOrgs, managesIn } from '../../runtime/orgs';
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

  /** The code is for the leader and the organizers over the team to hand on; an organizer over the team never confirms. */
  detail: async ({ ctx, caller, transfer, isTeam, canConfirm, organizer }) => {
    const [about, membership] = await Promise.all([
      readAbout(ctx, transfer, [caller]),
      // Read by the access rule already: the same read, not another round.
      isTeam ? membershipOf(ctx, transfer.teamId, caller._id) : null,
    ]);
    const viewer = { isTeam, canConfirm: canConfirm && !organizer, seesCode: membership?.role === 'leader' || organizer };
    return transferDetail(transfer, about, viewer, ctx.now());
  },

  /**
   * Waiting for the caller: bound to them by a code, or of an enterprise they are a contact of; never
   * their own team's, nor one of a team under an org they organize (confirm.ts refuses both).
   */
  pending: async ({ ctx, caller }) => {
    const _ = ctx.db.command;
    const enterprises = enterpriseIdsOf(caller);
    const [bound, ofEnterprises, memberships, orgs] = await Promise.all([
      find(ctx.db, 'transfers', { confirmerId: caller._id, status: 'pending' }, { limit: LIST_LIMIT }),
      enterprises.length ? find(ctx.db, 'transfers', { enterpriseId: _.in(enterprises), status: 'pending' }, { limit: LIST_LIMIT }) : [],
      membershipsOf(ctx, caller._id),
      isOrganizer(caller) ? loadOrgs(ctx) : [],
    ]);
    const own = new Set(memberships.map((member) => member.teamId));
    const unique = new Map([...bound, ...ofEnterprises].map((transfer) => [transfer._id, transfer]));
    return [...unique.values()]
      .filter((transfer) => !own.has(transfer.teamId) && !managesIn(orgs, caller, transfer.leagueOrgId))
      .sort(newestFirst)
      .map(transferCard);
  },
};

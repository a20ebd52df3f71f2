/**
 * The other party (the enterprise's contact, or whoever redeemed the transfer's code as a contact of
 * the certified enterprise named as transferee) confirms a transfer or disputes it with a reason.
 * Never a member of the team nor an organizer over it (principle 2): only a confirmed transfer counts
 * in totals, letters and dashboards. A dispute frees the contract number for a corrected record.
 */
import { AppError } from '../../../core/errors';
import { formatYuan } from '../../../core/money';
import { TRANSFER_KIND_LABELS } from '../../../core/need-rules';
import type { Transfer, User } from '../../../core/types';
import { txFind, txUpdate } from '../../db/collections';
import { managesLeagueOrg, requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Handler } from '../../runtime/function';
import { leadersOf } from '../../runtime/lookups';
import { isEnterpriseContact } from '../../runtime/need-roles';
import { enterpriseContactsOf, recordNeedStep } from '../../runtime/need-steps';
import { enqueue } from '../../runtime/outbox';
import { displayName } from '../../runtime/users';
import { transferResultMessage } from './messages';
import { callerEnterprises, contractMarkerId, notTransferee, standsForTransferee } from './parties';
import { readAbout, transferDetail } from './views';

const OWN_TEAM = '你是该队成员，不能确认本队的成果转化：须由合同相对方（企业）确认';
const ORGANIZER = '你是该队所属团组织的管理员，不能确认这条成果转化：须由合同相对方（受让方企业）的其他联系人确认';
const DECIDED = '这条成果转化已经确认过或已提出异议，请刷新';

/** The caller already made this very decision: a retry after a lost response. */
const decidedSo = (transfer: Transfer, caller: User, confirmed: boolean) =>
  transfer.decision?.by === caller._id && transfer.status === (confirmed ? 'confirmed' : 'disputed');

export const confirm: Handler<'transfer', 'confirm'> = async ({ ctx, caller, input, transfer, contentVerdict }) => {
  const confirmed = input.verdict === 'confirm';
  // A need-born transfer's confirmation is a step on the need: its enterprise's contacts hear of it.
  const stepsNeed = confirmed && transfer.needId !== null && transfer.enterpriseId !== null;
  // Bound by a code rather than a contact of the transfer's enterprise: still the certified transferee?
  const byCode = !isEnterpriseContact(caller, transfer.enterpriseId);
  const [, organizer, enterprises, leaders, contacts, about] = await Promise.all([
    requireOutsider(ctx, caller, transfer.teamId, OWN_TEAM),
    managesLeagueOrg(ctx, caller, transfer.leagueOrgId),
    byCode ? callerEnterprises(ctx.db, caller) : [],
    leadersOf(ctx, [transfer.teamId]),
    stepsNeed && transfer.enterpriseId ? enterpriseContactsOf(ctx.db, transfer.enterpriseId) : [],
    readAbout(ctx, transfer),
  ]);
  if (organizer) throw new AppError('FORBIDDEN', ORGANIZER);
  if (byCode && !standsForTransferee(enterprises, transfer.transferee)) throw new AppError('FORBIDDEN', notTransferee(transfer.transferee));
  const answer = (result: Transfer) =>
    transferDetail(
      result,
      { ...about, decidedByName: displayName(caller) },
      { isTeam: false, canConfirm: false, seesCode: false },
      ctx.now(),
    );
  if (transfer.status !== 'pending') {
    if (decidedSo(transfer, caller, confirmed)) return answer(transfer);
    throw new AppError('STATE_CONFLICT', DECIDED);
  }
  const leaderId = leaders.get(transfer.teamId) ?? '';
  const markerId = contractMarkerId(transfer.teamId, transfer.contractNo);
  const decided = await ctx.db.runTransaction(async (tx): Promise<Transfer> => {
    const [fresh, need, marker] = await Promise.all([
      txFind(tx, 'transfers', transfer._id),
      stepsNeed && transfer.needId ? txFind(tx, 'needs', transfer.needId) : null,
      confirmed ? null : txFind(tx, 'transferContracts', markerId),
    ]);
    if (fresh && fresh.status !== 'pending' && decidedSo(fresh, caller, confirmed)) return fresh;
    if (!fresh || fresh.status !== 'pending') throw new AppError('STATE_CONFLICT', DECIDED);
    const now = ctx.now();
    // requireOutsider has just held: the decider stands outside the team as of this decision.
    const decision = { by: caller._id, at: now, reason: input.reason, outsideTeam: true as const };
    const status = confirmed ? 'confirmed' : 'disputed';
    const flag = contentVerdict === 'review' ? { contentFlag: 'review' as const } : {};
    await txUpdate(tx, 'transfers', transfer._id, { status, decision: ctx.db.command.set(decision), updatedAt: now, ...flag });
    // A disputed record no longer holds its contract number: the team may record the corrected contract.
    if (marker?.transferId === transfer._id) await tx.collection('transferContracts').doc(markerId).remove();
    const result: Transfer = { ...fresh, status, decision, updatedAt: now, ...flag };
    if (leaderId && leaderId !== caller._id) await enqueue(tx, now, transferResultMessage(result, leaderId, confirmed, input.reason, now));
    if (need) {
      const note = `${result.teamName}的成果转化已由企业确认：${TRANSFER_KIND_LABELS[result.kind]}，合同编号 ${result.contractNo}，${formatYuan(result.amount)}`;
      await recordNeedStep(
        ctx.db,
        tx,
        need,
        { at: now, by: caller._id, kind: 'transferConfirmed', note },
        { contacts, key: `transfer_${transfer._id}` },
      );
    }
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'transfer',
      action: confirmed ? 'confirm' : 'dispute',
      target: `transfers/${transfer._id}`,
      orgId: transfer.leagueOrgId,
      teamId: transfer.teamId,
      summary: confirmed
        ? `确认成果转化（合同编号 ${transfer.contractNo}，${formatYuan(transfer.amount)}）`
        : `对成果转化（合同编号 ${transfer.contractNo}）提出异议：${input.reason}`,
    });
    return result;
  });
  return answer(decided);
};

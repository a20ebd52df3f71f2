/**
 * The other party (the enterprise's contact, or whoever redeemed the transfer's code) confirms a
 * transfer or disputes it with a reason. Never a member of the team (principle 2): only a confirmed
 * transfer counts in totals, letters and dashboards.
 */
import { AppError } from '../../../core/errors';
import { formatYuan } from '../../../core/money';
import { TRANSFER_KIND_LABELS } from '../../../core/need-rules';
import type { Transfer } from '../../../core/types';
import { txFind, txUpdate } from '../../db/collections';
import { requireOutsider } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import type { Handler } from '../../runtime/function';
import { leadersOf } from '../../runtime/lookups';
import { enterpriseContactsOf, recordNeedStep } from '../../runtime/need-steps';
import { enqueue } from '../../runtime/outbox';
import { displayName } from '../../runtime/users';
import { transferResultMessage } from './messages';
import { readAbout, transferDetail } from './views';

const OWN_TEAM = '你是该队成员，不能确认本队的成果转化：须由合同相对方（企业）确认';
const DECIDED = '这条成果转化已经确认过或已提出异议，请刷新';

export const confirm: Handler<'transfer', 'confirm'> = async ({ ctx, caller, input, transfer, contentVerdict }) => {
  const confirmed = input.verdict === 'confirm';
  // A need-born transfer's confirmation is a step on the need: its enterprise's contacts hear of it.
  const stepsNeed = confirmed && transfer.needId !== null && transfer.enterpriseId !== null;
  const [, leaders, contacts, about] = await Promise.all([
    requireOutsider(ctx, caller, transfer.teamId, OWN_TEAM),
    leadersOf(ctx, [transfer.teamId]),
    stepsNeed && transfer.enterpriseId ? enterpriseContactsOf(ctx.db, transfer.enterpriseId) : [],
    readAbout(ctx, transfer),
  ]);
  if (transfer.status !== 'pending') throw new AppError('STATE_CONFLICT', DECIDED);
  const leaderId = leaders.get(transfer.teamId) ?? '';
  const decided = await ctx.db.runTransaction(async (tx): Promise<Transfer> => {
    const [fresh, need] = await Promise.all([
      txFind(tx, 'transfers', transfer._id),
      stepsNeed && transfer.needId ? txFind(tx, 'needs', transfer.needId) : null,
    ]);
    if (!fresh || fresh.status !== 'pending') throw new AppError('STATE_CONFLICT', DECIDED);
    const now = ctx.now();
    // requireOutsider has just held: the decider stands outside the team as of this decision.
    const decision = { by: caller._id, at: now, reason: input.reason, outsideTeam: true as const };
    const status = confirmed ? 'confirmed' : 'disputed';
    const flag = contentVerdict === 'review' ? { contentFlag: 'review' as const } : {};
    await txUpdate(tx, 'transfers', transfer._id, { status, decision: ctx.db.command.set(decision), updatedAt: now, ...flag });
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
  return transferDetail(decided, { ...about, decidedByName: displayName(caller) }, { isTeam: false, canConfirm: false, seesCode: false });
};

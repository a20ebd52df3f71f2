/**
 * 成果转化 in letters (issue 17 §4): a letter lists the team's transfers the enterprise party
 * confirmed within its period (by when they were confirmed), next to the confirmed records; a
 * pending or disputed transfer is never in a letter. The letter keeps a copy, and verification
 * compares that copy with the transfer as it stands now.
 */
import { periodBounds, type VerifyVerdict } from '../../../core/feedback-rules';
import type { LetterTransfer, Transfer, User } from '../../../core/types';
import type { LetterTransferView } from '../../../core/views';
import { find, mapByIds, MAX_PAGE } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { displayName } from '../../runtime/users';

/**
 * The team's confirmed transfers, newest first. One read: a team has nowhere near MAX_PAGE
 * confirmed technology contracts.
 */
export function readTransfers(ctx: Ctx, teamId: string): Promise<Transfer[]> {
  return find(ctx.db, 'transfers', { teamId, status: 'confirmed' }, { orderBy: [['createdAt', 'desc']], limit: MAX_PAGE });
}

/** Who confirmed them, to be named in the same read as the letter's other people. */
export const confirmerIds = (transfers: Transfer[]) => transfers.map((transfer) => transfer.decision?.by ?? '');

/** The transfers a letter for the period states, oldest confirmation first; none confirmed after `asOf` (the issue moment). */
export function letterTransfers(
  transfers: Transfer[],
  users: Map<string, User>,
  period: { from: string; to: string },
  asOf: number,
): LetterTransfer[] {
  const { start, end } = periodBounds(period.from, period.to);
  return transfers
    .flatMap((transfer): LetterTransfer[] => {
      const decision = transfer.decision;
      if (transfer.status !== 'confirmed' || !decision || decision.at < start || decision.at > end || decision.at > asOf) return [];
      return [
        {
          refId: transfer._id,
          kind: transfer.kind,
          contractNo: transfer.contractNo,
          transferee: transfer.transferee,
          amount: transfer.amount,
          signedOn: transfer.signedOn,
          confirmedBy: decision.by,
          confirmedByName: displayName(users.get(decision.by)),
          confirmedAt: decision.at,
        },
      ];
    })
    .sort((a, b) => a.confirmedAt - b.confirmedAt || a.refId.localeCompare(b.refId));
}

export function transferView(stated: LetterTransfer): LetterTransferView {
  return {
    id: stated.refId,
    kind: stated.kind,
    contractNo: stated.contractNo,
    transferee: stated.transferee,
    amount: stated.amount,
    signedOn: stated.signedOn,
    confirmedByName: stated.confirmedByName,
    confirmedAt: stated.confirmedAt,
  };
}

type Verdict = { verdict: VerifyVerdict; current: string };

/** A stated transfer against the record now: still confirmed, by the same person, with the same terms. */
function verifyTransfer(transfer: Transfer | undefined, stated: LetterTransfer): Verdict {
  if (!transfer) return { verdict: 'revoked', current: '转化记录已不存在' };
  if (transfer.status === 'disputed') return { verdict: 'revoked', current: '企业方已提出异议' };
  if (transfer.status !== 'confirmed' || !transfer.decision) return { verdict: 'revoked', current: '已不在确认状态' };
  const sameTerms =
    transfer.kind === stated.kind &&
    transfer.contractNo === stated.contractNo &&
    transfer.transferee === stated.transferee &&
    transfer.amount === stated.amount &&
    transfer.signedOn === stated.signedOn;
  if (!sameTerms) return { verdict: 'changed', current: '合同信息已变化' };
  if (transfer.decision.at !== stated.confirmedAt || transfer.decision.by !== stated.confirmedBy)
    return { verdict: 'changed', current: '确认记录已变化' };
  return { verdict: 'same', current: '仍为企业方已确认' };
}

/** How each stated transfer stands now: one read. */
export async function verifyTransfers(ctx: Ctx, stated: LetterTransfer[]): Promise<Verdict[]> {
  if (!stated.length) return [];
  const current = await mapByIds(
    ctx.db,
    'transfers',
    stated.map((one) => one.refId),
  );
  return stated.map((one) => verifyTransfer(current.get(one.refId), one));
}

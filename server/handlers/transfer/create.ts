/**
 * A team's leader records a transfer (成果转化): checked against what the team achieved, unique by
 * contract number (held by a `transferContracts` marker, so two records sent at once cannot both be
 * written), once per request, with the one-time code the team hands to the other party.
 */
import { AppError } from '../../../core/errors';
import { formatYuan } from '../../../core/money';
import { TRANSFER_KIND_LABELS } from '../../../core/need-rules';
import { shanghaiDay } from '../../../core/time';
import type { Transfer } from '../../../core/types';
import { findById, txFind, txSet } from '../../db/collections';
import { findFields } from '../../db/query';
import { audit } from '../../runtime/audit';
import { early } from '../../runtime/early';
import type { Handler } from '../../runtime/function';
import { keyedId } from '../../runtime/keyed-id';
import { enqueue } from '../../runtime/outbox';
import { newRoleCode } from '../../runtime/role-codes';
import { readBasis } from './basis';
import { contractMarkerId } from './parties';
import { transferRecordedMessages } from './messages';
import { readAbout, transferDetail } from './views';

const DUPLICATE_CONTRACT = '该合同编号已登记，请勿重复登记；如登记有误，请受让方提出异议后按正确内容重新登记';

export const create: Handler<'transfer', 'create'> = async ({ ctx, caller, input, team, contentVerdict }) => {
  const transferId = keyedId('t', caller._id, input.requestId);
  const markerId = contractMarkerId(team._id, input.contractNo);
  // The basis (and the enterprise's contacts it leads to) is read alongside the replay and contract checks.
  const basisRead = early(readBasis(ctx, team._id, input));
  const [existing, sameContract] = await Promise.all([
    findById(ctx.db, 'transfers', transferId),
    findFields(ctx.db, 'transfers', { teamId: team._id, contractNo: input.contractNo }, ['status']),
  ]);
  const replay = async (stored: Transfer) => {
    if (stored.teamId !== team._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后再登记');
    return transferDetail(stored, await readAbout(ctx, stored), { isTeam: true, canConfirm: false, seesCode: true }, ctx.now());
  };
  if (existing) return replay(existing);
  const now = ctx.now();
  if (input.signedOn > shanghaiDay(now)) throw new AppError('INVALID_INPUT', '签订日期不能晚于今天，请填写合同实际签订的日期');
  // A disputed record does not hold its number: the corrected contract may be recorded again.
  if (sameContract.some((other) => other.status !== 'disputed')) throw new AppError('DUPLICATE', DUPLICATE_CONTRACT);
  const basis = await basisRead;
  const { contacts } = basis;

  const code = newRoleCode(now, {
    kind: 'transfer',
    scopeId: transferId,
    orgId: team.leagueOrgId,
    teamId: team._id,
    label: `成果转化确认：${input.contractNo}`,
    issuedBy: caller._id,
  });
  const transfer: Transfer = {
    _id: transferId,
    teamId: team._id,
    teamName: team.name,
    leagueOrgId: team.leagueOrgId,
    achievementId: basis.achievementId,
    challengeId: basis.challengeId,
    needId: basis.needId,
    enterpriseId: basis.enterpriseId,
    kind: input.kind,
    contractNo: input.contractNo,
    transferor: input.transferor,
    transferee: input.transferee,
    amount: input.amount,
    signedOn: input.signedOn,
    status: 'pending',
    confirmCode: code.code,
    confirmCodeExpiresAt: code.record.expiresAt,
    confirmerId: null,
    decision: null,
    createdBy: caller._id,
    requestId: input.requestId,
    createdAt: now,
    updatedAt: now,
    ...(contentVerdict === 'review' ? { contentFlag: 'review' as const } : {}),
  };
  const written = await ctx.db.runTransaction(async (tx): Promise<Transfer> => {
    const [again, marker] = await Promise.all([txFind(tx, 'transfers', transferId), txFind(tx, 'transferContracts', markerId)]);
    // The same request sent twice at once: the first one to commit is the record.
    if (again) return again;
    // Another record of this contract committed since the check above: its marker holds the number until it is disputed.
    if (marker) {
      const holder = await txFind(tx, 'transfers', marker.transferId);
      if (holder && holder.status !== 'disputed') throw new AppError('DUPLICATE', DUPLICATE_CONTRACT);
    }
    await txSet(tx, 'transfers', transfer);
    await txSet(tx, 'transferContracts', { _id: markerId, transferId, teamId: team._id, at: now });
    await txSet(tx, 'roleCodes', code.record);
    const others = contacts.filter((userId) => userId !== caller._id);
    for (const message of transferRecordedMessages(transfer, others, now)) await enqueue(tx, now, message);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'transfer',
      action: 'create',
      target: `transfers/${transferId}`,
      orgId: team.leagueOrgId,
      teamId: team._id,
      summary: `登记成果转化（${TRANSFER_KIND_LABELS[input.kind]}，合同编号 ${input.contractNo}，${formatYuan(input.amount)}），待受让方确认`,
    });
    return transfer;
  });
  if (written !== transfer) return replay(written);
  return transferDetail(
    transfer,
    { achievementTitle: basis.achievementTitle, challengeTitle: basis.challengeTitle, decidedByName: '' },
    { isTeam: true, canConfirm: false, seesCode: true },
    now,
  );
};

/**
 * A transfer's one-time code (shown to its team's leader, handed to the other party) binds its
 * redeemer as the transfer's confirmer, inside need.redeemCode's transaction. The redeemer must be a
 * contact of a certified enterprise named as the contract's transferee: whoever holds the code is not
 * thereby the other party. A member of the team may never be bound, nor an organizer over it
 * (principle 2: the transfer is confirmed outside the team).
 */
import { AppError } from '../../../core/errors';
import { txFind, txUpdate } from '../../db/collections';
import { memberIdOf } from '../../runtime/lookups';
import { enterpriseIdsOf } from '../../runtime/need-roles';
import { isOrganizer, loadOrgs, managesIn } from '../../runtime/orgs';
import type { CodeBinder } from '../../runtime/role-codes';
import { notTransferee, standsForTransferee } from './parties';

export const bindTransferCode: CodeBinder = async ({ ctx, tx, caller, code, now }) => {
  // Only someone who organizes anything can be an organizer over the team: the tree is read for them alone.
  const [transfer, orgs, enterprises] = await Promise.all([
    txFind(tx, 'transfers', code.scopeId),
    isOrganizer(caller) ? loadOrgs(ctx) : [],
    Promise.all(enterpriseIdsOf(caller).map((enterpriseId) => txFind(tx, 'enterprises', enterpriseId))),
  ]);
  if (!transfer) throw new AppError('NOT_FOUND', '找不到这条成果转化记录，请向登记的团队核对确认码');
  // Read in the transaction: someone who joined the team a moment ago is a member now.
  const membership = await txFind(tx, 'members', memberIdOf(transfer.teamId, caller._id));
  if (membership) throw new AppError('FORBIDDEN', '你是该队成员，不能确认本队的成果转化：请把确认码交给合同相对方（企业）');
  // The organizers over the team see the code to help hand it on; the contract's other party is the enterprise, not them.
  if (managesIn(orgs, caller, transfer.leagueOrgId)) {
    throw new AppError('FORBIDDEN', '团组织管理员不能代替合同相对方确认成果转化：请把确认码交给受让方企业联系人');
  }
  if (transfer.status !== 'pending') throw new AppError('STATE_CONFLICT', '这条成果转化已经确认过或已提出异议，确认码不再可用');
  if (transfer.confirmerId && transfer.confirmerId !== caller._id) {
    throw new AppError('STATE_CONFLICT', '这条成果转化已由他人绑定为确认方，请向登记的团队核对');
  }
  if (!standsForTransferee(enterprises, transfer.transferee)) throw new AppError('FORBIDDEN', notTransferee(transfer.transferee));
  if (transfer.confirmerId !== caller._id) await txUpdate(tx, 'transfers', transfer._id, { confirmerId: caller._id, updatedAt: now });
  return { kind: 'transfer', label: code.label, scopeId: transfer._id };
};

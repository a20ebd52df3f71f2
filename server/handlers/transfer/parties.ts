/**
 * Who stands for a transfer's other party, how long its code works, and what holds its contract
 * number. The contract's other party is the enterprise named on it as transferee: a code proves
 * nothing about who redeems it, so its redeemer must be a contact of a certified enterprise of that name.
 */
import { orgNameKey } from '../../../core/admin-rules';
import { ROLE_CODE_DAYS } from '../../../core/need-rules';
import { DAY_MS } from '../../../core/time';
import type { Enterprise, Transfer, User } from '../../../core/types';
import { fieldsByIds } from '../../db/query';
import type { Database } from '../../db/types';
import { keyedId } from '../../runtime/keyed-id';
import { enterpriseIdsOf } from '../../runtime/need-roles';

/** Two names of one enterprise: look-alikes (spacing, case, full-width letters) are the same name. */
export const sameEnterpriseName = (a: string, b: string) => orgNameKey(a) === orgNameKey(b);

/** One of the caller's enterprises is certified and named as the contract's transferee. */
export function standsForTransferee(enterprises: (Pick<Enterprise, 'name' | 'status'> | null)[], transferee: string): boolean {
  return enterprises.some((enterprise) => enterprise?.status === 'active' && sameEnterpriseName(enterprise.name, transferee));
}

/** The enterprises the caller is a contact of (none read for someone who is no contact). */
export const callerEnterprises = (db: Database, caller: User) =>
  fieldsByIds(db, 'enterprises', enterpriseIdsOf(caller), ['name', 'status']);

export const notTransferee = (transferee: string) =>
  `这条成果转化须由合同上的受让方「${transferee}」确认：受让方须先完成企业认证（我的 → 企业认证），且认证的企业名称与合同上的受让方一致，才能凭确认码确认`;

/** When the transfer's code stops working; for a record made before the date was stored, counted from its creation. */
export const codeExpiresAt = (transfer: Pick<Transfer, 'confirmCodeExpiresAt' | 'createdAt'>) =>
  transfer.confirmCodeExpiresAt ?? transfer.createdAt + ROLE_CODE_DAYS.transfer * DAY_MS;

/** A contract number as registered: full-width and half-width forms, case and spaces do not make another contract. */
const contractKey = (contractNo: string) => orgNameKey(contractNo);

/** The `transferContracts` document that holds a team's contract number while a transfer of it is not disputed. */
export const contractMarkerId = (teamId: string, contractNo: string) => keyedId('tc', teamId, contractKey(contractNo));

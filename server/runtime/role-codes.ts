/**
 * One-time codes that bind their redeemer to one thing (an enterprise, a cadre's org, an expert's
 * slot on a 征榜 review, a transfer's confirmation). Only the hash is stored; `need.redeemCode`
 * finds the code by hash and hands it to the binder of its kind.
 */
import { DAY_MS } from '../../core/time';
import { ROLE_CODE_DAYS, type RoleCodeKind } from '../../core/need-rules';
import type { RoleCode, User } from '../../core/types';
import type { RedeemedRoleCode } from '../../core/views';
import type { Transaction } from '../db/types';
import type { Ctx } from './context';
import { hashOrgCode, newOrgCode } from './org-code';

/** A fresh code and the record to store for it (inside the issuing transaction). */
export function newRoleCode(
  now: number,
  fields: { kind: RoleCodeKind; scopeId: string; orgId: string; teamId?: string; label: string; issuedBy: string },
): { code: string; record: RoleCode } {
  const code = newOrgCode();
  return {
    code,
    record: {
      _id: hashOrgCode(code),
      ...fields,
      issuedAt: now,
      expiresAt: now + ROLE_CODE_DAYS[fields.kind] * DAY_MS,
      usedBy: null,
      usedAt: null,
    },
  };
}

/**
 * Binds the caller to what a valid, unused, unexpired code names, inside the redeeming transaction
 * (which also marks the code used and writes the audit entry). Throws AppError when the caller may
 * not be bound (e.g. a team member confirming their own team's transfer).
 */
export type CodeBinder = (args: { ctx: Ctx; tx: Transaction; caller: User; code: RoleCode; now: number }) => Promise<RedeemedRoleCode>;

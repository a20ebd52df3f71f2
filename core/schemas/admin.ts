import * as v from 'valibot';
import { normalizeOrgCode, normalizeOrgName, ORG_CODE_ALPHABET, ORG_CODE_LENGTH, ORG_NAME_MAX, UNIT_NAME_MAX } from '../admin-rules';
import { fileId, id, input, requestId, userText } from './common';

const orgId = id('组织编号');
const orgKind = v.picklist(['league', 'party'], '请选择组织类型');
const orgName = v.pipe(userText('组织名称', 2, ORG_NAME_MAX), v.transform(normalizeOrgName));
const unitName = v.pipe(userText('所在单位', 2, UNIT_NAME_MAX), v.transform(normalizeOrgName));
const reason = userText('原因', 2, 200);

export const orgCode = v.pipe(
  v.string('邀请码须为文字'),
  v.transform(normalizeOrgCode),
  v.length(ORG_CODE_LENGTH, `邀请码是 ${ORG_CODE_LENGTH} 位字母或数字（可带短横线）`),
  v.check((code) => [...code].every((c) => ORG_CODE_ALPHABET.includes(c)), '邀请码中有无效字符，请核对'),
);

export const orgIdInput = input({ orgId });

/** A new org under `orgId`. */
export const createOrgInput = input({ orgId, kind: orgKind, name: orgName, unitName, requestId });

export const renameOrgInput = input({ orgId, name: orgName, unitName });

export const moveOrgInput = input({ orgId, parentId: id('新的上级组织') });

export const retireOrgInput = input({ orgId, reason });

export const importOrgsInput = input({ fileId });

export const revokeOrganizerInput = input({ orgId, userId: id('管理员'), reason });

export const redeemCodeInput = input({ code: orgCode });

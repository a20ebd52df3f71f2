import * as v from 'valibot';
import { MAX_CONTRACT_YUAN, TRANSFER_KINDS } from '../need-rules';
import { cursor, day, field, id, input, optionalUserText, requestId, userText } from './common';

const transferId = id('转化记录编号');
const orgId = id('组织编号');

/** What the transfer is based on: a confirmed achievement of the team, or a challenge it won or completed. */
const basis = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('achievement'), id: id('成果编号') }, '请选择转化的成果'),
    v.strictObject({ kind: v.literal('challenge'), id: id('榜单编号') }, '请选择转化的榜单'),
  ],
  '请选择转化的成果或榜单',
);

export const createTransferInput = input({
  teamId: id('队伍编号'),
  basis,
  kind: v.picklist(TRANSFER_KINDS, '请选择转化方式'),
  contractNo: v.pipe(
    v.string('合同编号须为文字'),
    v.trim(),
    v.minLength(4, '请填写技术合同登记编号'),
    v.maxLength(40, '合同编号最多 40 个字符'),
    v.regex(/^[A-Za-z0-9\-_/（）()\u4e00-\u9fa5]+$/, '合同编号只能含字母、数字、汉字和 - _ /'),
  ),
  transferor: userText('转让方（成果方）', 2, 60),
  transferee: userText('受让方（企业）', 2, 60),
  amount: v.pipe(
    v.number('合同金额须为数字'),
    v.integer('合同金额请填写整数（元）'),
    v.minValue(1, '合同金额须大于 0'),
    v.maxValue(MAX_CONTRACT_YUAN, '合同金额超出上限，请核对（单位：元）'),
  ),
  signedOn: day('签订日期'),
  requestId,
});

export const teamTransfersInput = input({ teamId: id('队伍编号') });

export const transferIdInput = input({ transferId });

export const confirmTransferInput = v.pipe(
  input({ transferId, verdict: v.picklist(['confirm', 'dispute'], '请选择确认或提出异议'), reason: optionalUserText('说明', 200) }),
  v.check((value) => value.verdict !== 'dispute' || value.reason.length >= 4, '提出异议时请写明原因（至少 4 个字）'),
);

export const libraryInput = input({
  keyword: v.optional(v.pipe(v.string('关键词须为文字'), v.trim(), v.maxLength(30, '关键词最多 30 个字')), ''),
  field: v.optional(field),
  cursor,
});

export const expressInterestInput = input({
  enterpriseId: id('企业编号'),
  achievementId: id('成果编号'),
  message: userText('合作意向', 10, 500),
  requestId,
});

export const interestsInput = input({ orgId });

export const forwardInterestInput = input({ orgId, interestId: id('意向编号'), note: optionalUserText('转达说明', 200) });

export const basisOptionsInput = input({ teamId: id('队伍编号') });

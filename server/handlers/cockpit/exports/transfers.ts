/**
 * 成果转化: every transfer the org's subtree's teams recorded — confirmed, waiting for the
 * enterprise, or disputed, each labelled as it stands (only confirmed ones count in any total) —
 * with its contract, parties, amount and who answered for the enterprise, when.
 */
import { TRANSFER_KIND_LABELS, TRANSFER_STATUS_LABELS } from '../../../../core/need-rules';
import type { Transfer, User } from '../../../../core/types';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { displayName } from '../../../runtime/users';
import { readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { calendarDay, moment, yesNo, type SheetSpec } from './sheet';

function sheetOf(scope: ExportScope, transfers: Transfer[], people: Map<string, User>): SheetSpec {
  return {
    name: '成果转化',
    empty: '该组织及下级组织的队伍还没有登记成果转化',
    columns: [
      { header: '队伍', width: 30 },
      { header: '所属团组织', width: 22 },
      { header: '转化方式', width: 10 },
      { header: '合同编号', width: 20 },
      { header: '转让方', width: 24 },
      { header: '受让方', width: 24 },
      { header: '合同金额（元）', width: 14, kind: 'number' },
      { header: '签订日期', width: 12, kind: 'day' },
      { header: '状态', width: 12 },
      { header: '企业方答复人', width: 12 },
      { header: '企业方答复时间', width: 17, kind: 'moment' },
      { header: '异议原因', width: 30 },
      { header: '来自企业需求', width: 12 },
      { header: '登记时间', width: 17, kind: 'moment' },
    ],
    rows: transfers.map((transfer) => [
      transfer.teamName,
      orgName(scope.orgs, transfer.leagueOrgId),
      TRANSFER_KIND_LABELS[transfer.kind],
      transfer.contractNo,
      transfer.transferor,
      transfer.transferee,
      transfer.amount,
      calendarDay(transfer.signedOn),
      TRANSFER_STATUS_LABELS[transfer.status],
      transfer.decision ? displayName(people.get(transfer.decision.by)) : '',
      moment(transfer.decision?.at),
      transfer.status === 'disputed' ? (transfer.decision?.reason ?? '') : '',
      yesNo(transfer.needId !== null),
      moment(transfer.createdAt),
    ]),
  };
}

export const transfersExport: ExportBuilder = async (ctx, scope) => {
  const _ = ctx.db.command;
  // Newest first, on the (leagueOrgId, -createdAt, -_id) index.
  const transfers = await readSorted(ctx.db, 'transfers', { leagueOrgId: _.in(scope.leagueIds) }, 'createdAt', 'desc');
  requireWithinCap(transfers.length, '成果转化记录', '请选择下级组织分别导出');
  return {
    rows: transfers.length,
    finish: async () => {
      const people = await usersById(
        ctx,
        transfers.flatMap((transfer) => (transfer.decision ? [transfer.decision.by] : [])),
      );
      return [sheetOf(scope, transfers, people)];
    },
  };
};

import * as v from 'valibot';
import { REPORT_ACTIONS, REPORT_REASONS, REPORT_TARGETS } from '../report-rules';
import { cursor, id, input, optionalUserText, requestId } from './common';

export const submitReportInput = input({
  targetKind: v.picklist(REPORT_TARGETS, '请选择举报的内容'),
  targetId: id('内容编号'),
  reason: v.picklist(REPORT_REASONS, '请选择举报原因'),
  note: optionalUserText('补充说明', 200),
  requestId,
});

export const reportsInput = input({
  /** open: waiting; closed: hidden or dismissed. */
  status: v.optional(v.picklist(['open', 'closed'], '筛选条件有误'), 'open'),
  cursor,
});

export const decideReportInput = v.pipe(
  input({
    reportId: id('举报编号'),
    /** Not `action`: that key of a cloud call names the operation and never reaches the input. */
    decision: v.picklist(REPORT_ACTIONS, '请选择处理方式'),
    reason: optionalUserText('处理说明', 200),
  }),
  v.check((value) => value.decision === 'dismiss' || Boolean(value.reason), '隐藏或恢复内容时请写明原因，作者会看到'),
);

/**
 * Telling people how a report ended: the reporter hears the outcome; the author hears when their
 * content is hidden (with the reason) or restored. The author is never told who reported it.
 */
import { REPORT_TARGET_LABELS, type ReportAction } from '../../../core/report-rules';
import { asSentence } from '../../../core/text';
import { formatDateTime } from '../../../core/time';
import type { Report } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';

const INBOX_PAGE = 'packages/user/inbox/index';
const PROFILE_PAGE = 'packages/user/profile/index';

const PHRASE: Record<ReportAction, string> = { hide: '已隐藏', dismiss: '未作处理', restore: '已恢复' };

type About = Pick<Report, '_id' | 'targetKind' | 'reporterId' | 'authorId'>;

function named(report: About, title: string): string {
  return `${REPORT_TARGET_LABELS[report.targetKind]}「${title}」`;
}

export function reporterMessage(
  report: About,
  title: string,
  decision: { action: ReportAction; reason: string },
  now: number,
): OutgoingMessage<'reportHandled'> {
  const what = named(report, title);
  const body = {
    hide: `你举报的${what}经团组织核实已被隐藏。感谢你的反馈。`,
    dismiss: `你举报的${what}经团组织核实未作处理。${decision.reason ? `说明：${asSentence(decision.reason)}` : ''}`,
    restore: `你举报的${what}经团组织复核已恢复显示。说明：${asSentence(decision.reason)}`,
  }[decision.action];
  return {
    userId: report.reporterId,
    templateKey: 'reportHandled',
    dedupeKey: `reportHandled_${report._id}_${now}_${report.reporterId}`,
    title: '举报处理结果',
    body,
    page: INBOX_PAGE,
    data: { thing1: what, phrase2: PHRASE[decision.action], thing3: decision.reason || '感谢你的反馈', time4: formatDateTime(now) },
  };
}

/** The author's message when their content is hidden or restored (a dismissal changes nothing of theirs). */
export function authorMessage(
  report: About,
  title: string,
  page: string,
  decision: { action: 'hide' | 'restore'; reason: string },
  now: number,
): OutgoingMessage<'reportHandled'> {
  const what = named(report, title);
  const hide = decision.action === 'hide';
  return {
    userId: report.authorId,
    templateKey: 'reportHandled',
    dedupeKey: `reportHandled_${report._id}_${now}_${report.authorId}`,
    title: hide ? '你的内容已被隐藏' : '你的内容已恢复显示',
    body: hide
      ? `你的${what}经团组织核实已被隐藏，不再对外展示，记录仍保留。原因：${asSentence(decision.reason)}如有异议，请联系所在团组织。`
      : `你的${what}经团组织复核已恢复显示。说明：${asSentence(decision.reason)}`,
    page: report.targetKind === 'user' ? PROFILE_PAGE : page || INBOX_PAGE,
    data: { thing1: what, phrase2: PHRASE[decision.action], thing3: decision.reason, time4: formatDateTime(now) },
  };
}

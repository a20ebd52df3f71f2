import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { REPORT_REASON_LABELS, REPORT_STATUS_LABELS, REPORT_TARGET_LABELS, type ReportAction, type ReportStatus } from '@core/report-rules';
import { formatDateTime, formatRecent } from '@core/time';
import type { ReportCard } from '@core/views';
import { ToneTag, type Tone } from '@/components/ToneTag';

const STATUS_TONES: Record<ReportStatus, Tone> = { open: 'warning', hidden: 'danger', dismissed: 'muted' };

const DECISION_LABELS: Record<ReportAction, string> = { hide: '隐藏了内容', dismiss: '驳回了举报', restore: '恢复了内容' };

export type ReportItemProps = {
  report: ReportCard;
  busy: boolean;
  onDecide: (report: ReportCard, action: ReportAction) => void;
};

/** One report as the organizer sees it: what, why, who, when, what was decided, and what may be done now. */
export function ReportItem({ report, busy, onDecide }: ReportItemProps) {
  const open = report.status === 'open';
  // As the server allows: an open report may close by hiding (content already hidden keeps its first mark);
  // content left visible may still be hidden later.
  const canHide = open || !report.contentHidden;
  return (
    <View className='kc-card kc-reports__card'>
      <View className='kc-row kc-reports__head'>
        <Text className='kc-reports__kind'>{REPORT_TARGET_LABELS[report.targetKind]}</Text>
        <View>
          {report.contentHidden && report.status !== 'hidden' ? (
            <ToneTag tone='danger' style={{ marginRight: '4px' }}>
              内容已隐藏
            </ToneTag>
          ) : null}
          <ToneTag tone={STATUS_TONES[report.status]}>{REPORT_STATUS_LABELS[report.status]}</ToneTag>
        </View>
      </View>
      {report.targetPage ? (
        <Text className='kc-reports__title kc-reports__title--link' onClick={() => void Taro.navigateTo({ url: report.targetPage })}>
          {report.targetTitle} ›
        </Text>
      ) : (
        <Text className='kc-reports__title'>{report.targetTitle}</Text>
      )}
      <View className='kc-reports__reason'>原因：{REPORT_REASON_LABELS[report.reason]}</View>
      {report.note ? <Text className='kc-reports__note'>{report.note}</Text> : null}
      <Text className='kc-muted kc-reports__meta'>
        {report.reporterName} 举报 · {formatRecent(report.createdAt, Date.now())}
      </Text>
      {report.decision ? (
        <View className='kc-reports__decision'>
          <Text className='kc-muted'>
            {report.decision.byName} 于 {formatDateTime(report.decision.at)} {DECISION_LABELS[report.decision.action]}
          </Text>
          {report.decision.reason ? <Text className='kc-reports__decision-reason'>{report.decision.reason}</Text> : null}
        </View>
      ) : null}
      <View className='kc-actions'>
        {open ? (
          <Button size='small' fill='outline' disabled={busy} onClick={() => onDecide(report, 'dismiss')}>
            驳回举报
          </Button>
        ) : null}
        {canHide ? (
          <Button size='small' type='danger' disabled={busy} onClick={() => onDecide(report, 'hide')}>
            {report.contentHidden ? '维持隐藏' : '隐藏内容'}
          </Button>
        ) : null}
        {report.contentHidden ? (
          <Button size='small' type='primary' fill='outline' disabled={busy} onClick={() => onDecide(report, 'restore')}>
            恢复内容
          </Button>
        ) : null}
      </View>
    </View>
  );
}

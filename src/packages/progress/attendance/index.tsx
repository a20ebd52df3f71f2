import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from '@core/progress-rules';
import { formatDateTime } from '@core/time';
import type { AttendanceRow } from '@core/views';
import { ExportButton } from '@/components/ExportButton';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { AttendanceTag } from '@/components/StatusTag';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { progressService } from '@/services/progress';
import './index.scss';

export default function AttendancePage() {
  const { id = '' } = useRouter().params;
  const sheet = useRemote(() => progressService.attendance(id), [id]);
  const [rejecting, setRejecting] = useState<AttendanceRow | null>(null);
  const [busy, setBusy] = useState(false);

  const review = async (row: AttendanceRow, decision: 'approve' | 'reject', note: string) => {
    setRejecting(null);
    const approving = `确认${row.name}的补签？记为「补签」（不算现场签到），可写入反馈函，并通知本人。`;
    if (decision === 'approve' && !(await confirmStep('通过补签', approving, '通过'))) return;
    setBusy(true);
    const result = await progressService.reviewMakeup({ eventId: id, userId: row.userId, decision, note });
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    toastDone(decision === 'approve' ? '已通过补签' : '已驳回');
    sheet.setData(result.data);
  };

  const data = sheet.data;
  return (
    <View className='kc-page'>
      <PageState loading={sheet.loading && !data} error={sheet.error} onRetry={sheet.reload}>
        {data ? (
          <>
            <View className='kc-card'>
              <Text className='kc-attendance__title'>{data.title}</Text>
              <View className='kc-attendance__counts'>
                {ATTENDANCE_STATUSES.map((status) => (
                  <View key={status} className='kc-attendance__count'>
                    <Text className='kc-attendance__number'>{data.counts[status]}</Text>
                    <Text className='kc-muted'>{ATTENDANCE_LABELS[status]}</Text>
                  </View>
                ))}
              </View>
              <Text className='kc-muted'>应到 {data.counts.total} 人；补签单列，不计入现场签到。</Text>
              <ExportButton orgId={data.leagueOrgId} table='attendance' eventId={data.eventId} label='导出本次出勤' size='small' />
            </View>
            {data.rows.map((row) => (
              <View key={row.userId} className='kc-card kc-attendance__row'>
                <View className='kc-row'>
                  <Text>
                    {row.name} <Text className='kc-muted'>{row.teamName}</Text>
                  </Text>
                  <AttendanceTag status={row.status} />
                </View>
                {row.at ? (
                  <Text className='kc-muted'>
                    {formatDateTime(row.at)} {row.method}
                    {row.distance !== null ? ` · 距离 ${row.distance} 米（精度 ±${row.accuracy} 米）` : ''}
                  </Text>
                ) : null}
                {row.makeupReason ? <Text className='kc-muted'>补签原因：{row.makeupReason}</Text> : null}
                {row.reviewNote ? <Text className='kc-muted'>审核意见：{row.reviewNote}</Text> : null}
                {row.status === 'makeupRequested' ? (
                  <View className='kc-actions'>
                    <Button size='small' fill='outline' disabled={busy} onClick={() => setRejecting(row)}>
                      驳回
                    </Button>
                    <Button size='small' type='primary' disabled={busy} onClick={() => void review(row, 'approve', '')}>
                      通过补签
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={rejecting !== null}
        title='驳回补签'
        hint='成员会看到驳回原因。'
        confirmText='确认驳回'
        minLength={2}
        onConfirm={(note) => rejecting && void review(rejecting, 'reject', note)}
        onCancel={() => setRejecting(null)}
      />
    </View>
  );
}

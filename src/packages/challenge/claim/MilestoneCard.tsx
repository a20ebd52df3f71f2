import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatDate, formatDateTime } from '@core/time';
import type { MilestoneView } from '@core/views';
import { MilestoneStatusTag } from '@/components/StatusTag';

export type MilestoneCardProps = {
  milestone: MilestoneView;
  /** The leader may submit evidence for this gate now. */
  canSubmit: boolean;
  /** The reviewer may pass (submitted) or stop (submitted or overdue) this gate now. */
  canPass: boolean;
  canStop: boolean;
  busy: boolean;
  onSubmit: (summary: string, reference: string) => void;
  onPass: () => void;
  onStop: () => void;
};

export function MilestoneCard({ milestone, canSubmit, canPass, canStop, busy, onSubmit, onPass, onStop }: MilestoneCardProps) {
  const [summary, setSummary] = useState(milestone.evidence?.summary ?? '');
  const [reference, setReference] = useState(milestone.evidence?.reference ?? '');
  return (
    <View className='kc-card kc-milestone'>
      <View className='kc-row'>
        <Text className='kc-milestone__title'>
          节点 {milestone.index}：{milestone.title}
        </Text>
        <View>
          <MilestoneStatusTag status={milestone.status} overdue={milestone.overdue} />
        </View>
      </View>
      <View className='kc-muted kc-milestone__line'>完成日期：{formatDate(milestone.dueAt)}</View>
      <View className='kc-muted kc-milestone__line'>验收标准：{milestone.criterion}</View>
      {milestone.evidence ? (
        <View className='kc-milestone__evidence'>
          <View>进展：{milestone.evidence.summary}</View>
          <View>依据：{milestone.evidence.reference}</View>
          <View className='kc-muted'>
            {milestone.evidence.byName} 提交于 {formatDateTime(milestone.evidence.at)}
          </View>
        </View>
      ) : null}
      {milestone.review ? (
        <View className={milestone.status === 'stopped' ? 'kc-milestone__review kc-milestone__review--stop' : 'kc-milestone__review'}>
          {milestone.status === 'stopped' ? '止步' : '通过'}：{milestone.review.reason || '无补充意见'}（{milestone.review.byName}，
          {formatDateTime(milestone.review.at)}）
        </View>
      ) : null}
      {canSubmit ? (
        <View className='kc-milestone__form'>
          <TextArea value={summary} onChange={setSummary} placeholder='这个节点做成了什么（必填）' maxLength={500} showCount rows={3} />
          <Input value={reference} onChange={setReference} placeholder='可核验的依据：报告编号、专利申请号、链接等' maxLength={200} />
          <Button type='primary' size='small' loading={busy} onClick={() => onSubmit(summary.trim(), reference.trim())}>
            {milestone.status === 'submitted' ? '更新提交' : '提交节点'}
          </Button>
        </View>
      ) : null}
      {canPass || canStop ? (
        <View className='kc-actions'>
          {canStop ? (
            <Button type='danger' fill='outline' size='small' disabled={busy} onClick={onStop}>
              止步
            </Button>
          ) : null}
          {canPass ? (
            <Button type='primary' size='small' loading={busy} onClick={onPass}>
              通过
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { ACK_REMIND_DAYS } from '@core/feedback-rules';
import type { Figures } from '@core/views';
import { rate } from '../labels';
import { Section, Stat } from './Section';

/** 反馈与通知: letters issued / opened / acknowledged / overdue, and how many asked to acknowledge a notice did. */
export function FeedbackSection({ figures }: { figures: Figures }) {
  const { letters, notices } = figures.feedback;
  return (
    <Section title='反馈与通知'>
      <Text className='kc-dash__sub-title'>反馈函</Text>
      <View className='kc-dash__stats'>
        <Stat label='已送达' value={letters.issued} />
        <Stat label='已查看' value={letters.opened} />
        <Stat label='已签收' value={letters.acknowledged} />
        <Stat label={`逾期未签收（超过 ${ACK_REMIND_DAYS} 天）`} value={letters.overdue} tone={letters.overdue ? 'warn' : undefined} />
      </View>
      <Text className='kc-dash__sub-title'>通知</Text>
      <View className='kc-dash__stats'>
        <Stat label='发布的通知' value={notices.count} />
        <Stat label='需确认已知悉' value={notices.needAck} />
        <Stat label='确认率' value={rate(notices.acknowledged, notices.recipients)} />
      </View>
      <Text className='kc-muted kc-dash__note'>
        需确认的通知共发给 {notices.recipients} 人次，已确认 {notices.acknowledged} 人次。
      </Text>
    </Section>
  );
}

import { Text, View } from '@tarojs/components';
import { CONTACT_KIND_LABELS, type OpinionState } from '@core/contact-rules';
import { formatDay } from '@core/time';
import type { ContactRecordView, OpinionView } from '@core/views';
import { ToneTag } from '@/components/ToneTag';
import { OpinionItem } from './OpinionItem';

export type RecordItemProps = {
  record: ContactRecordView;
  onStep?: (record: ContactRecordView, opinion: OpinionView, state: OpinionState) => void;
};

/** One contact on the timeline: when, how, who took part, what was noted, and the opinions collected. */
export function RecordItem({ record, onStep }: RecordItemProps) {
  return (
    <View className='kc-contact-record'>
      <View className='kc-contact-record__head'>
        <Text className='kc-contact-record__day'>{formatDay(record.day)}</Text>
        <ToneTag tone='info'>{CONTACT_KIND_LABELS[record.kind]}</ToneTag>
      </View>
      <Text className='kc-muted'>
        {record.orgName} · 记录人 {record.byName}
      </Text>
      <Text className='kc-contact-record__line'>参加人员：{record.participants}</Text>
      {record.notes ? <Text className='kc-contact-record__line'>{record.notes}</Text> : null}
      {record.opinions.length ? (
        <View className='kc-contact-record__opinions'>
          <Text className='kc-muted'>意见建议（{record.opinions.length}）</Text>
          {record.opinions.map((opinion) => (
            <OpinionItem
              key={opinion.id}
              opinion={opinion}
              onStep={record.canFollowUp && onStep ? (state) => onStep(record, opinion, state) : undefined}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}

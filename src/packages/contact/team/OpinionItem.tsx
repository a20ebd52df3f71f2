import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OPINION_NEXT, OPINION_STATE_LABELS, type OpinionState } from '@core/contact-rules';
import { formatDate } from '@core/time';
import type { OpinionView } from '@core/views';
import { ToneTag, type Tone } from '@/components/ToneTag';

const TONES: Record<OpinionState, Tone> = { open: 'warning', replied: 'info', resolved: 'success' };

export type OpinionItemProps = { opinion: OpinionView; onStep?: (state: OpinionState) => void };

/** One opinion: its state, who owns it, the latest reply, and (for its organizers) the steps forward. */
export function OpinionItem({ opinion, onStep }: OpinionItemProps) {
  const next = OPINION_NEXT[opinion.state];
  return (
    <View className='kc-contact-opinion'>
      <View className='kc-contact-opinion__head'>
        <ToneTag tone={TONES[opinion.state]}>{OPINION_STATE_LABELS[opinion.state]}</ToneTag>
        <Text className='kc-contact-opinion__text'>{opinion.text}</Text>
      </View>
      {opinion.reply ? <Text className='kc-contact-opinion__reply'>答复：{opinion.reply}</Text> : null}
      <Text className='kc-muted'>
        负责人：{opinion.ownerName || '未指定'} · {formatDate(opinion.updatedAt)} 更新
      </Text>
      {onStep && next.length ? (
        <View className='kc-contact-opinion__actions'>
          {next.map((state) => (
            <Button key={state} size='small' fill='outline' onClick={() => onStep(state)}>
              标为{OPINION_STATE_LABELS[state]}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}

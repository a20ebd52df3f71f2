import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { basisLine, LETTER_ITEM_LABELS } from '@core/feedback-rules';
import { formatDate } from '@core/time';
import type { LetterItemView } from '@core/views';
import './index.scss';

export type LetterItemsProps = {
  items: LetterItemView[];
  /** Something to show at the end of each row: a checkbox, a verdict. */
  aside?: (item: LetterItemView) => ReactNode;
};

/** Confirmed records as a letter states them: what, whose part, how it was established (by whom, or the system's check) and when. */
export function LetterItems({ items, aside }: LetterItemsProps) {
  return (
    <View className='kc-letter-items'>
      {items.map((item, index) => (
        <View key={item.id} className='kc-letter-items__row'>
          <View className='kc-letter-items__main'>
            <Text className='kc-letter-items__title'>
              {index + 1}. 【{LETTER_ITEM_LABELS[item.kind]}】{item.title}
            </Text>
            {item.detail ? <Text className='kc-muted'>{item.detail}</Text> : null}
            {item.memberNames.length ? <Text className='kc-muted'>涉及成员：{item.memberNames.join('、')}</Text> : null}
            <Text className='kc-muted'>
              {basisLine(item.basis)}，{formatDate(item.confirmedAt)}
            </Text>
          </View>
          {aside ? <View className='kc-letter-items__aside'>{aside(item)}</View> : null}
        </View>
      ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACHIEVEMENT_TYPE_LABELS } from '@core/achievement-rules';
import { excerpt } from '@core/text';
import { formatDate } from '@core/time';
import type { LibraryItem } from '@core/views';
import { ToneTag } from '@/components/ToneTag';

export type LibraryItemCardProps = {
  item: LibraryItem;
  /** For enterprise contacts: opens the interest dialog for this achievement. */
  onInterest?: (item: LibraryItem) => void;
};

/** One confirmed public achievement in the 科技成果库; the card opens the achievement. */
export function LibraryItemCard({ item, onInterest }: LibraryItemCardProps) {
  const open = () => void Taro.navigateTo({ url: `/packages/achievement/detail/index?id=${item.achievementId}` });
  return (
    <View className='kc-card kc-library-item' onClick={open}>
      <View className='kc-library-item__tags'>
        <ToneTag tone='info'>{ACHIEVEMENT_TYPE_LABELS[item.type]}</ToneTag>
        <ToneTag tone='muted'>{item.field}</ToneTag>
        {item.transferCount > 0 ? <ToneTag tone='success'>已转化 {item.transferCount} 项</ToneTag> : null}
      </View>
      <Text className='kc-library-item__title'>{item.title}</Text>
      <Text className='kc-muted kc-library-item__summary'>{excerpt(item.summary, 80)}</Text>
      <View className='kc-row'>
        <Text className='kc-muted'>
          {item.teamName} · {formatDate(item.confirmedAt)} 确认
        </Text>
        {onInterest ? (
          // The button's tap stays here: it does not open the card.
          <View onClick={(event) => event.stopPropagation()}>
            <Button size='small' type='primary' fill='outline' onClick={() => onInterest(item)}>
              表达合作意向
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

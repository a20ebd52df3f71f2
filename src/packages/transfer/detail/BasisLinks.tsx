import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TransferDetail } from '@core/views';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** What the contract rests on (the achievement or the won challenge) and, when there is one, the need it answers. */
export function BasisLinks({ data }: { data: TransferDetail }) {
  if (!data.achievement && !data.challenge && !data.needId) return null;
  return (
    <View className='kc-card kc-transfer__links'>
      <Text className='kc-transfer__block-title'>转化依据</Text>
      {data.achievement ? (
        <Text className='kc-link kc-link--wrap' onClick={open(`/packages/achievement/detail/index?id=${data.achievement.id}`)}>
          成果：{data.achievement.title} ›
        </Text>
      ) : null}
      {data.challenge ? (
        <Text className='kc-link kc-link--wrap' onClick={open(`/packages/challenge/detail/index?id=${data.challenge.id}`)}>
          榜单：{data.challenge.title} ›
        </Text>
      ) : null}
      {data.needId ? (
        <Text className='kc-link' onClick={open(`/packages/need/detail/index?id=${data.needId}`)}>
          来自企业需求 ›
        </Text>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';

export type DraftBannerProps = { onDiscard: () => void };

/** Says the form holds what was typed last time, with a way to start over. */
export function DraftBanner({ onDiscard }: DraftBannerProps) {
  return (
    <View className='kc-banner kc-row'>
      <Text>已恢复上次未提交的内容</Text>
      <Text className='kc-link' onClick={onDiscard}>
        清空重填
      </Text>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WorkItem } from '@core/views';

const open = (url: string) => {
  if (url) void Taro.navigateTo({ url });
};

/** One queue that has something waiting: how many, the first few (each opens its own page), and where to handle them. */
export function WorkCard({ item }: { item: WorkItem }) {
  const more = item.count - item.links.length;
  return (
    <View className='kc-card kc-work'>
      <View className='kc-row kc-work__head' onClick={() => open(item.url)}>
        <Text className='kc-work__label'>{item.label}</Text>
        <Text className='kc-work__count'>{item.count}</Text>
      </View>
      {item.links.map((link, index) => (
        // Several items may open the same list page under the same name (two interests of one enterprise).
        <View key={`${index}|${link.url}|${link.name}`} className='kc-work__example' onClick={() => open(link.url)}>
          <Text className='kc-work__name'>{link.name}</Text>
          <Text className='kc-work__arrow' aria-hidden>
            ›
          </Text>
        </View>
      ))}
      <View className='kc-row kc-work__foot'>
        <Text className='kc-muted'>{more > 0 ? `另有 ${more} 项` : ''}</Text>
        <Text className='kc-link' onClick={() => open(item.url)}>
          去处理
        </Text>
      </View>
    </View>
  );
}

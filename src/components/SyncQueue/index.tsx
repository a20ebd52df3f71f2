import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef } from 'react';
import { confirmStep, toastDone } from '@/hooks/feedback';
import { useProgressQueue } from '@/stores/useProgressQueue';
import { ToneTag } from '../ToneTag';
import './index.scss';
import { formatDay } from '@core/time';

/** Logs kept on the phone until they reach the server: what they are, and a way to drop one. */
export function SyncQueue() {
  const { items, flushing, flush, discard, sent } = useProgressQueue();
  // Logs also go out by themselves when the network returns: say so when they do.
  const announced = useRef(sent);
  useEffect(() => {
    if (sent > announced.current) toastDone(`已同步 ${sent - announced.current} 条记录`);
    announced.current = sent;
  }, [sent]);
  if (!items.length) return null;

  const retry = () => void flush();
  const drop = async (requestId: string) => {
    if (await confirmStep('丢弃这条记录', '丢弃后无法恢复，确定不再提交这条进展吗？', '丢弃')) discard(requestId);
  };

  return (
    <View className='kc-card kc-sync'>
      <View className='kc-row'>
        <Text className='kc-sync__title'>待同步（{items.length}）</Text>
        <Button size='small' loading={flushing} onClick={retry}>
          立即重试
        </Button>
      </View>
      <Text className='kc-muted'>网络恢复或再次打开小程序时会自动发送。</Text>
      {items.map((item) => (
        <View key={item.input.requestId} className='kc-sync__item'>
          <View className='kc-row'>
            <Text>
              {item.teamName} · {formatDay(item.input.day)}
            </Text>
            {item.state === 'waiting' ? <ToneTag tone='warning'>待同步</ToneTag> : <ToneTag tone='danger'>未能提交</ToneTag>}
          </View>
          <Text className='kc-sync__content'>{item.input.noProgress ? '今日无进展' : item.input.content}</Text>
          {item.message ? <Text className='kc-sync__error'>{item.message}</Text> : null}
          <Text className='kc-link kc-link--danger' onClick={() => void drop(item.input.requestId)}>
            丢弃
          </Text>
        </View>
      ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatRecent } from '@core/time';
import type { InboxItemView } from '@core/views';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { usePageLifecycle } from '@/hooks/usePageLifecycle';
import { requestSubscribe } from '@/services/cloud';
import { useInboxStore } from '@/stores/useInboxStore';
import './index.scss';

export default function InboxPage() {
  const { items, nextCursor, unread, loading, loaded, error, loadFirst, loadMore, markRead, markAllRead } = useInboxStore();

  usePageLifecycle({ load: loadFirst, loadMore });

  const open = (item: InboxItemView) => {
    if (!item.read) void markRead(item.id);
    if (item.page) void Taro.navigateTo({ url: `/${item.page}` });
  };
  const readAll = async () => {
    const failed = await markAllRead();
    if (failed) toastFailure(failed);
  };
  const subscribe = () => {
    void requestSubscribe(['teamReviewed', 'teamChanged']).then((accepted) =>
      Taro.showToast({ title: accepted.length ? '已开启微信提醒' : '未开启提醒', icon: 'none' }),
    );
  };

  return (
    <View className='kc-page'>
      <View className='kc-row kc-inbox__bar'>
        <Text className='kc-muted'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        <View className='kc-inbox__buttons'>
          <Button size='small' fill='outline' onClick={subscribe}>
            开启微信提醒
          </Button>
          <Button size='small' fill='none' disabled={unread === 0} onClick={readAll}>
            全部已读
          </Button>
        </View>
      </View>
      <PageState
        loading={loading && !loaded}
        error={error}
        onRetry={loadFirst}
        empty={loaded && items.length === 0}
        emptyTitle='暂无消息'
        emptyDescription='审核结果、队伍变动等通知会出现在这里。'
      >
        {items.map((item) => (
          <View
            key={item.id}
            className={item.read ? 'kc-card kc-message' : 'kc-card kc-message kc-message--unread'}
            onClick={() => open(item)}
          >
            <View className='kc-row'>
              <Text className='kc-message__title'>{item.title}</Text>
              {item.read ? null : <View className='kc-message__dot' />}
            </View>
            {item.body ? <View className='kc-message__body'>{item.body}</View> : null}
            <View className='kc-muted'>{formatRecent(item.createdAt, Date.now())}</View>
          </View>
        ))}
        {loaded && items.length > 0 ? (
          <View className='kc-muted kc-inbox__end'>{nextCursor === null ? '没有更多了' : '上拉加载更多'}</View>
        ) : null}
      </PageState>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Failure } from '@core/errors';
import { EVENT_MODE_LABELS } from '@core/progress-rules';
import { formatDateTime, formatTime } from '@core/time';
import type { EventPage } from '@core/views';
import { PageState } from '@/components/PageState';
import { AttendanceTag, EventPhaseTag } from '@/components/StatusTag';
import { progressService } from '@/services/progress';
import { isOrganizer, useUserStore } from '@/stores/useUserStore';
import './index.scss';

type Scope = 'mine' | 'manage';

export default function EventsPage() {
  const { me, load: loadMe } = useUserStore();
  const [scope, setScope] = useState<Scope>('mine');
  const [page, setPage] = useState<EventPage | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (which: Scope, more = false) => {
    setLoading(true);
    const result = await progressService.events({ scope: which, cursor: more ? (page?.nextCursor ?? null) : null });
    setLoading(false);
    if (!result.ok) return setError(result);
    setError(null);
    setPage(more && page ? { ...result.data, items: [...page.items, ...result.data.items] } : result.data);
  };
  const switchTo = (which: Scope) => {
    setScope(which);
    setPage(null);
    void load(which);
  };

  useDidShow(() => {
    if (!me) void loadMe();
    void load(scope);
  });
  usePullDownRefresh(() => void load(scope).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (page?.nextCursor && !loading) void load(scope, true);
  });

  return (
    <View className='kc-page'>
      {isOrganizer(me) ? (
        <View className='kc-filters'>
          <Text className={scope === 'mine' ? 'kc-filter kc-filter--on' : 'kc-filter'} onClick={() => switchTo('mine')}>
            我参加的
          </Text>
          <Text className={scope === 'manage' ? 'kc-filter kc-filter--on' : 'kc-filter'} onClick={() => switchTo('manage')}>
            我组织的
          </Text>
          <Button
            size='small'
            type='primary'
            className='kc-events__create'
            onClick={() => void Taro.navigateTo({ url: '/packages/progress/event-edit/index' })}
          >
            创建活动
          </Button>
        </View>
      ) : null}
      <PageState
        loading={loading && !page}
        error={page ? null : error}
        onRetry={() => void load(scope)}
        empty={page?.items.length === 0}
        emptyTitle={scope === 'mine' ? '暂无你所在队伍参加的活动' : '还没有组织过活动'}
        emptyDescription={scope === 'mine' ? '团组织发布培训、交流或评审活动后会出现在这里。' : '点「创建活动」安排培训、交流或评审会。'}
      >
        {page?.items.map((event) => (
          <View
            key={event.id}
            className='kc-card'
            onClick={() => void Taro.navigateTo({ url: `/packages/progress/event/index?id=${event.id}` })}
          >
            <View className='kc-row'>
              <Text className='kc-events__title'>{event.title}</Text>
              <EventPhaseTag phase={event.phase} />
            </View>
            <View className='kc-muted'>
              {formatDateTime(event.startAt)}–{formatTime(event.endAt)} · {event.placeName}
            </View>
            <View className='kc-row kc-events__foot'>
              <Text className='kc-muted'>
                {EVENT_MODE_LABELS[event.mode]} · {event.teamCount} 支队伍
              </Text>
              {scope === 'mine' ? <AttendanceTag status={event.mine?.status ?? 'absent'} upcoming={event.phase !== 'ended'} /> : null}
            </View>
          </View>
        ))}
      </PageState>
    </View>
  );
}

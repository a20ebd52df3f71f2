import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { attendanceStatusOf, EVENT_MODE_LABELS } from '@core/progress-rules';
import { formatDateTime, formatTime } from '@core/time';
import { PageState } from '@/components/PageState';
import { ScopeTabs } from '@/components/ScopeTabs';
import { usePaged } from '@/hooks/usePaged';
import { AttendanceTag, EventPhaseTag } from '@/components/StatusTag';
import { progressService } from '@/services/progress';
import { isOrganizer, useMe } from '@/stores/useUserStore';
import './index.scss';

type Scope = 'mine' | 'manage';

export default function EventsPage() {
  const me = useMe();
  const [scope, setScope] = useState<Scope>('mine');
  const list = usePaged((cursor) => progressService.events({ scope, cursor }), [scope]);

  return (
    <View className='kc-page'>
      {isOrganizer(me) ? (
        <ScopeTabs
          options={[
            { value: 'mine', label: '我参加的' },
            { value: 'manage', label: '我组织的' },
          ]}
          value={scope}
          onChange={setScope}
          action={{ label: '创建活动', url: '/packages/progress/event-edit/index' }}
        />
      ) : null}
      <PageState
        {...list.state}
        emptyTitle={scope === 'mine' ? '暂无你所在队伍参加的活动' : '还没有组织过活动'}
        emptyDescription={scope === 'mine' ? '团组织发布培训、交流或评审活动后会出现在这里。' : '点「创建活动」安排培训、交流或评审会。'}
      >
        {list.page?.items.map((event) => (
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
              {scope === 'mine' ? <AttendanceTag status={event.mine?.status ?? attendanceStatusOf(null, event.phase === 'ended')} /> : null}
            </View>
          </View>
        ))}
      </PageState>
    </View>
  );
}

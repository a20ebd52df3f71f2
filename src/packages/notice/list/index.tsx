import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatRecent } from '@core/time';
import type { NoticeCard } from '@core/views';
import { PageState } from '@/components/PageState';
import { ScopeTabs } from '@/components/ScopeTabs';
import { usePaged } from '@/hooks/usePaged';
import { ToneTag } from '@/components/ToneTag';
import { noticeService } from '@/services/notice';
import { isOrganizer, useMe } from '@/stores/useUserStore';
import './index.scss';

type Scope = 'mine' | 'manage';

function ReceiptTag({ notice }: { notice: NoticeCard }) {
  if (!notice.mine) return null;
  if (notice.requireAck) return notice.mine.ackAt ? <ToneTag tone='success'>已知悉</ToneTag> : <ToneTag tone='warning'>待确认</ToneTag>;
  return notice.mine.readAt ? <ToneTag tone='muted'>已读</ToneTag> : <ToneTag tone='warning'>未读</ToneTag>;
}

export default function NoticeListPage() {
  const me = useMe();
  const [scope, setScope] = useState<Scope>('mine');
  const list = usePaged((cursor) => noticeService.list({ scope, cursor }), [scope]);

  const open = (notice: NoticeCard) =>
    Taro.navigateTo({
      url: scope === 'manage' ? `/packages/notice/stats/index?id=${notice.id}` : `/packages/notice/detail/index?id=${notice.id}`,
    });
  return (
    <View className='kc-page'>
      {isOrganizer(me) ? (
        <ScopeTabs
          options={[
            { value: 'mine', label: '我收到的' },
            { value: 'manage', label: '我发布的' },
          ]}
          value={scope}
          onChange={setScope}
          action={{ label: '发布通知', url: '/packages/notice/edit/index' }}
        />
      ) : null}
      <PageState
        {...list.state}
        emptyTitle={scope === 'mine' ? '暂无通知' : '还没有发布过通知'}
        emptyDescription={scope === 'mine' ? '团组织发给你所在队伍的通知会出现在这里。' : '点「发布通知」发给所辖队伍。'}
      >
        {list.page?.items.map((notice) => (
          <View key={notice.id} className='kc-card' onClick={() => void open(notice)}>
            <View className='kc-row'>
              <Text className='kc-notices__title'>{notice.title}</Text>
              <ReceiptTag notice={notice} />
            </View>
            <Text className='kc-muted kc-notices__excerpt'>{notice.excerpt}</Text>
            <Text className='kc-muted'>
              {notice.orgName} · {formatRecent(notice.createdAt, Date.now())}
              {notice.requireAck ? ' · 需确认' : ''}
            </Text>
          </View>
        ))}
      </PageState>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Failure } from '@core/errors';
import { formatDateTime } from '@core/time';
import type { NoticeCard, NoticePage } from '@core/views';
import { PageState } from '@/components/PageState';
import { ToneTag } from '@/components/ToneTag';
import { noticeService } from '@/services/notice';
import { isOrganizer, useUserStore } from '@/stores/useUserStore';
import './index.scss';

type Scope = 'mine' | 'manage';

function ReceiptTag({ notice }: { notice: NoticeCard }) {
  if (!notice.mine) return null;
  if (notice.requireAck) return notice.mine.ackAt ? <ToneTag tone='success'>已知悉</ToneTag> : <ToneTag tone='danger'>待确认</ToneTag>;
  return notice.mine.readAt ? <ToneTag tone='muted'>已读</ToneTag> : <ToneTag tone='warning'>未读</ToneTag>;
}

export default function NoticeListPage() {
  const { me, load: loadMe } = useUserStore();
  const [scope, setScope] = useState<Scope>('mine');
  const [page, setPage] = useState<NoticePage | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (which: Scope, more = false) => {
    setLoading(true);
    const result = await noticeService.list({ scope: which, cursor: more ? (page?.nextCursor ?? null) : null });
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

  const open = (notice: NoticeCard) =>
    Taro.navigateTo({
      url: scope === 'manage' ? `/packages/notice/stats/index?id=${notice.id}` : `/packages/notice/detail/index?id=${notice.id}`,
    });
  return (
    <View className='kc-page'>
      {isOrganizer(me) ? (
        <View className='kc-filters'>
          <Text className={scope === 'mine' ? 'kc-filter kc-filter--on' : 'kc-filter'} onClick={() => switchTo('mine')}>
            我收到的
          </Text>
          <Text className={scope === 'manage' ? 'kc-filter kc-filter--on' : 'kc-filter'} onClick={() => switchTo('manage')}>
            我发布的
          </Text>
          <Button
            size='small'
            type='primary'
            className='kc-notices__create'
            onClick={() => void Taro.navigateTo({ url: '/packages/notice/edit/index' })}
          >
            发布通知
          </Button>
        </View>
      ) : null}
      <PageState
        loading={loading && !page}
        error={page ? null : error}
        onRetry={() => void load(scope)}
        empty={page?.items.length === 0}
        emptyTitle={scope === 'mine' ? '暂无通知' : '还没有发布过通知'}
        emptyDescription={scope === 'mine' ? '团组织发给你所在队伍的通知会出现在这里。' : '点「发布通知」发给所辖队伍。'}
      >
        {page?.items.map((notice) => (
          <View key={notice.id} className='kc-card' onClick={() => void open(notice)}>
            <View className='kc-row'>
              <Text className='kc-notices__title'>{notice.title}</Text>
              <ReceiptTag notice={notice} />
            </View>
            <Text className='kc-muted kc-notices__excerpt'>{notice.excerpt}</Text>
            <Text className='kc-muted'>
              {notice.orgName} · {formatDateTime(notice.createdAt)}
              {notice.requireAck ? ' · 需确认' : ''}
            </Text>
          </View>
        ))}
      </PageState>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CHALLENGE_MODES, MODE_LABELS, type ChallengeMode } from '@core/challenge-rules';
import { ChallengeCard } from '@/components/ChallengeCard';
import { FieldFilter } from '@/components/FieldFilter';
import { KeywordSearch } from '@/components/KeywordSearch';
import { PageState } from '@/components/PageState';
import { usePageLifecycle } from '@/hooks/usePageLifecycle';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useChallengeStore, type BoardFilters } from '@/stores/useChallengeStore';
import { isOrganizer, useMe } from '@/stores/useUserStore';
import './index.scss';

const STATUS_FILTERS: { value: BoardFilters['status']; label: string; organizerOnly?: boolean }[] = [
  { value: 'active', label: '揭榜中' },
  { value: 'closed', label: '已结束' },
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿', organizerOnly: true },
];

export default function ChallengesPage() {
  useUnreadBadge();
  const me = useMe();
  const { filters, items, nextCursor, loading, loaded, error, setFilters, loadFirst, loadMore } = useChallengeStore();
  const organizer = isOrganizer(me);

  usePageLifecycle({ load: loadFirst, loadMore });

  const chip = (on: boolean) => (on ? 'kc-filter kc-filter--on' : 'kc-filter');
  const setMode = (mode: ChallengeMode | null) => setFilters({ mode });

  return (
    <View className='kc-page kc-board'>
      <KeywordSearch
        placeholder='搜索榜单名称或出题单位'
        maxLength={20}
        initial={filters.keyword}
        onSearch={(keyword) => void setFilters({ keyword })}
      />
      <View className='kc-filters'>
        {STATUS_FILTERS.filter((item) => organizer || !item.organizerOnly).map((item) => (
          <Text key={item.value} className={chip(filters.status === item.value)} onClick={() => setFilters({ status: item.value })}>
            {item.label}
          </Text>
        ))}
      </View>
      <View className='kc-filters'>
        <FieldFilter value={filters.field} onChange={(field) => setFilters({ field })} />
        <Text className={chip(filters.mode === null)} onClick={() => setMode(null)}>
          全部模式
        </Text>
        {CHALLENGE_MODES.map((mode) => (
          <Text key={mode} className={chip(filters.mode === mode)} onClick={() => setMode(mode)}>
            {MODE_LABELS[mode]}
          </Text>
        ))}
      </View>
      {organizer ? (
        <Button
          type='primary'
          block
          className='kc-board__publish'
          onClick={() => Taro.navigateTo({ url: '/packages/challenge/edit/index' })}
        >
          发布榜单
        </Button>
      ) : null}
      <PageState
        loading={loading && !loaded}
        error={error}
        onRetry={loadFirst}
        empty={loaded && items.length === 0}
        emptyTitle={filters.keyword || filters.field || filters.mode ? '没有符合条件的榜单' : '暂无榜单'}
        emptyDescription={
          filters.keyword || filters.field || filters.mode ? '换个关键词或筛选条件试试。' : '团组织发布的攻关榜单会出现在这里。'
        }
      >
        {items.map((challenge) => (
          <ChallengeCard key={challenge.id} challenge={challenge} />
        ))}
        {items.length > 0 ? (
          <View className='kc-muted kc-board__more'>{nextCursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</View>
        ) : null}
      </PageState>
    </View>
  );
}

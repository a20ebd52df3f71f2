import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACHIEVEMENT_TYPES, ACHIEVEMENT_TYPE_LABELS } from '@core/achievement-rules';
import { AchievementCard } from '@/components/AchievementCard';
import { FieldFilter } from '@/components/FieldFilter';
import { PageState } from '@/components/PageState';
import { usePageLifecycle } from '@/hooks/usePageLifecycle';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useAchievementStore } from '@/stores/useAchievementStore';
import { useTeamStore } from '@/stores/useTeamStore';
import './index.scss';

/** 动态: achievements confirmed by someone outside the team, newest first; 典型案例 pinned on top. */
export default function HomePage() {
  useUnreadBadge();
  const { filters, items, first, nextCursor, loading, loaded, error, setFilters, loadFirst, loadMore } = useAchievementStore();
  const { mine, loadMine } = useTeamStore();
  const postable = (mine ?? []).filter((team) => team.status === 'registered' && (team.myRole === 'leader' || team.myRole === 'member'));

  usePageLifecycle({ load: () => Promise.all([loadFirst(), mine ? null : loadMine()]), loadMore });

  const chip = (on: boolean) => (on ? 'kc-filter kc-filter--on' : 'kc-filter');
  const featured = first?.featured ?? [];
  return (
    <View className='kc-page kc-home'>
      {postable.length ? (
        <Button
          type='primary'
          block
          className='kc-home__post'
          onClick={() => Taro.navigateTo({ url: `/packages/achievement/edit/index?teamId=${postable[0].id}` })}
        >
          发布成果
        </Button>
      ) : null}
      <View className='kc-filters'>
        <FieldFilter value={filters.field} onChange={(field) => setFilters({ field })} />
        <Text className={chip(filters.type === null)} onClick={() => setFilters({ type: null })}>
          全部类型
        </Text>
        {ACHIEVEMENT_TYPES.map((type) => (
          <Text key={type} className={chip(filters.type === type)} onClick={() => setFilters({ type })}>
            {ACHIEVEMENT_TYPE_LABELS[type]}
          </Text>
        ))}
      </View>
      <PageState
        loading={loading && !loaded}
        error={loaded ? null : error}
        onRetry={loadFirst}
        empty={loaded && items.length === 0 && featured.length === 0}
        emptyTitle='还没有经过确认的成果'
        emptyDescription={filters.field || filters.type ? '换个领域或类型看看。' : '队长发布的成果经团组织或出题单位确认后，会出现在这里。'}
      >
        {featured.length ? <View className='kc-section-title'>典型案例</View> : null}
        {featured.map((item) => (
          <AchievementCard key={item.id} achievement={item} reportable />
        ))}
        {featured.length && items.length ? <View className='kc-section-title'>最新确认</View> : null}
        {items.map((item) => (
          <AchievementCard key={item.id} achievement={item} reportable />
        ))}
        {items.length ? (
          <View className='kc-muted kc-home__end'>{nextCursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</View>
        ) : null}
      </PageState>
    </View>
  );
}

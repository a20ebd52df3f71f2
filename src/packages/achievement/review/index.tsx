import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure } from '@core/errors';
import type { PendingPage } from '@core/views';
import { AchievementCard } from '@/components/AchievementCard';
import { PageState } from '@/components/PageState';
import { achievementService } from '@/services/achievement';

/** Achievements waiting for the caller's confirmation: as organizer over the team, or as a challenge's reviewer. */
export default function AchievementReviewPage() {
  const [page, setPage] = useState<PendingPage | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (more = false) => {
    setLoading(true);
    const result = await achievementService.pending(more ? (page?.nextCursor ?? null) : null);
    setLoading(false);
    if (!result.ok) return setError(result);
    setError(null);
    setPage(more && page ? { ...result.data, items: [...page.items, ...result.data.items] } : result.data);
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (page?.nextCursor && !loading) void load(true);
  });

  return (
    <View className='kc-page'>
      <PageState
        loading={loading && !page}
        error={page ? null : error}
        onRetry={() => void load()}
        empty={page?.items.length === 0}
        emptyTitle='没有待你确认的成果'
        emptyDescription='所辖队伍提交的成果、或你评审的榜单上关联的成果，会出现在这里。'
      >
        {page?.items.map((item) => (
          <AchievementCard key={item.id} achievement={item} showStatus />
        ))}
      </PageState>
    </View>
  );
}

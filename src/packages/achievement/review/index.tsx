import { View } from '@tarojs/components';
import { AchievementCard } from '@/components/AchievementCard';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { achievementService } from '@/services/achievement';

/** Achievements waiting for the caller's confirmation: as organizer over the team, or as a challenge's reviewer. */
export default function AchievementReviewPage() {
  const { page, error, loading, reload } = usePaged((cursor) => achievementService.pending(cursor));

  return (
    <View className='kc-page'>
      <PageState
        loading={loading && !page}
        error={page ? null : error}
        onRetry={reload}
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

import { View } from '@tarojs/components';
import { AchievementCard } from '@/components/AchievementCard';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { achievementService } from '@/services/achievement';

/** Achievements waiting for the caller's confirmation: as organizer over the team, or as a challenge's reviewer. */
export default function AchievementReviewPage() {
  const list = usePaged((cursor) => achievementService.pending(cursor));

  return (
    <View className='kc-page'>
      <PageState
        {...list.state}
        emptyTitle='没有待你确认的成果'
        emptyDescription='所辖队伍提交的成果、或你评审的榜单上关联的成果，会出现在这里。'
      >
        {list.page?.items.map((item) => (
          <AchievementCard key={item.id} achievement={item} showStatus />
        ))}
      </PageState>
    </View>
  );
}

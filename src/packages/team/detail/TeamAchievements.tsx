import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ACHIEVEMENT_TYPE_LABELS, type AchievementType } from '@core/achievement-rules';
import { AchievementCard } from '@/components/AchievementCard';
import { useRemote } from '@/hooks/useRemote';
import { achievementService } from '@/services/achievement';

export type TeamAchievementsProps = { teamId: string; canPost: boolean };

/** A team's achievements: the total counts confirmed ones only; the unconfirmed stand beside it. */
export function TeamAchievements({ teamId, canPost }: TeamAchievementsProps) {
  const list = useRemote(() => achievementService.teamAchievements(teamId), [teamId]);
  if (list.error) return <View className='kc-card kc-muted'>成果加载失败：{list.error.message}</View>;
  const data = list.data;
  if (!data) return null;
  const byType = Object.entries(data.confirmedByType)
    .map(([type, count]) => `${ACHIEVEMENT_TYPE_LABELS[type as AchievementType]} ${count}`)
    .join('、');
  const { submitted, returned, draft } = data.unconfirmed;
  return (
    <>
      <View className='kc-row kc-section-title'>
        <Text>成果（已确认 {data.confirmed} 项）</Text>
        {canPost ? (
          <Button size='small' type='primary' onClick={() => Taro.navigateTo({ url: `/packages/achievement/edit/index?teamId=${teamId}` })}>
            发布成果
          </Button>
        ) : null}
      </View>
      <View className='kc-card kc-muted'>
        {byType ? `已确认：${byType}` : '还没有经过确认的成果'}
        {submitted || returned || draft
          ? `；未计入：待确认 ${submitted}${returned ? `、已退回 ${returned}` : ''}${draft ? `、草稿 ${draft}` : ''}`
          : ''}
      </View>
      {data.items.map((item) => (
        <AchievementCard key={item.id} achievement={item} showStatus />
      ))}
    </>
  );
}

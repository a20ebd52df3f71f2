import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ACHIEVEMENT_TYPE_LABELS } from '@core/achievement-rules';
import { formatDate } from '@core/time';
import type { AchievementCard as Card } from '@core/views';
import { ReportButton } from '../ReportButton';
import { AchievementStatusTag } from '../StatusTag';
import { ToneTag } from '../ToneTag';
import './index.scss';

export type AchievementCardProps = {
  achievement: Card;
  /** Show the status (team pages, the confirmation queue); the feed shows confirmed ones only. */
  showStatus?: boolean;
  /** Offer 投诉/举报 on the card (the 动态 feed, where others' achievements show). */
  reportable?: boolean;
};

/** One achievement in a list. No likes, flowers or view counts (principle 1, docs/architecture.md). */
export function AchievementCard({ achievement, showStatus, reportable }: AchievementCardProps) {
  const open = () => Taro.navigateTo({ url: `/packages/achievement/detail/index?id=${achievement.id}` });
  return (
    <View className='kc-card kc-achievement-card' onClick={open}>
      <View className='kc-achievement-card__body'>
        <View className='kc-achievement-card__tags'>
          {achievement.featured ? <ToneTag tone='danger'>典型案例</ToneTag> : null}
          <ToneTag tone='info'>{ACHIEVEMENT_TYPE_LABELS[achievement.type]}</ToneTag>
          {showStatus ? <AchievementStatusTag status={achievement.status} /> : null}
          {achievement.revised ? <ToneTag tone='muted'>已修改</ToneTag> : null}
          {achievement.contentFlag ? <ToneTag tone='warning'>内容待复核</ToneTag> : null}
        </View>
        <Text className='kc-achievement-card__title'>{achievement.title}</Text>
        {achievement.featured && achievement.featureNote ? (
          <Text className='kc-achievement-card__note'>{achievement.featureNote}</Text>
        ) : (
          <Text className='kc-muted kc-achievement-card__summary'>{achievement.summary}</Text>
        )}
        <Text className='kc-muted kc-achievement-card__meta'>
          {achievement.teamName}
          {achievement.confirmedAt && achievement.status === 'confirmed' ? ` · ${formatDate(achievement.confirmedAt)} 确认` : ''}
        </Text>
        {reportable ? (
          // Taps on the link and its form stay here: they do not open the card.
          <View onClick={(event) => event.stopPropagation()}>
            <ReportButton targetKind='achievement' targetId={achievement.id} />
          </View>
        ) : null}
      </View>
      {achievement.coverUrl ? <Image className='kc-achievement-card__cover' src={achievement.coverUrl} mode='aspectFill' /> : null}
    </View>
  );
}

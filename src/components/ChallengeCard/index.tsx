import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MODE_LABELS, stageTitlesOf } from '@core/challenge-rules';
import { formatDate } from '@core/time';
import type { ChallengeCard as Card } from '@core/views';
import { ChallengeStatusTag } from '../StatusTag';
import './index.scss';

export type ChallengeCardProps = { challenge: Card };

export function deadlineText(card: Pick<Card, 'status' | 'daysLeft' | 'claimDeadline'>): string {
  if (card.status !== 'open' && card.status !== 'in_progress') return `揭榜截止 ${formatDate(card.claimDeadline)}`;
  if (card.daysLeft < 0) return '揭榜已截止';
  return card.daysLeft === 0 ? '今天截止揭榜' : `还剩 ${card.daysLeft} 天截止揭榜`;
}

export function ChallengeCard({ challenge }: ChallengeCardProps) {
  const open = () => Taro.navigateTo({ url: `/packages/challenge/detail/index?id=${challenge.id}` });
  return (
    <View className='kc-card kc-challenge-card' onClick={open}>
      <View className='kc-row'>
        <Text className='kc-challenge-card__title'>{challenge.title}</Text>
        <View>
          <ChallengeStatusTag status={challenge.status} />
        </View>
      </View>
      <View className='kc-challenge-card__meta kc-muted'>
        {challenge.field} · 出题：{challenge.issuerUnit}
      </View>
      <View className='kc-challenge-card__meta kc-muted'>
        {MODE_LABELS[challenge.mode]}
        {challenge.mode === 'race' ? `（${challenge.places} 队）` : ''} · 揭榜 {challenge.claimCount} 队 · 入选 {challenge.acceptedCount}/
        {challenge.places} · {stageTitlesOf(challenge.status)[challenge.stage]}
      </View>
      <View className='kc-row kc-challenge-card__foot'>
        <Text className={challenge.daysLeft >= 0 && challenge.daysLeft <= 3 ? 'kc-challenge-card__due--soon' : 'kc-muted'}>
          {deadlineText(challenge)}
        </Text>
        {challenge.reward ? <Text className='kc-challenge-card__reward'>{challenge.reward}</Text> : null}
      </View>
    </View>
  );
}

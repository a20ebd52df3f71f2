import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { INTEREST_STATUS_LABELS, type InterestStatus } from '@core/need-rules';
import { formatDate, formatDateTime } from '@core/time';
import type { InterestCard } from '@core/views';
import { ToneTag, type Tone } from '@/components/ToneTag';

const TONES: Record<InterestStatus, Tone> = { new: 'warning', forwarded: 'success', closed: 'muted' };

export type InterestItemProps = { interest: InterestCard; busy: boolean; onForward: (interest: InterestCard) => void };

const call = (phoneNumber: string) => () => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

/** One enterprise's interest in an achievement: who asked (tap the number to call), what for, and whether it reached the team. */
export function InterestItem({ interest, busy, onForward }: InterestItemProps) {
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View className='kc-card kc-interest'>
      <View className='kc-row'>
        <Text className='kc-interest__enterprise'>{interest.enterpriseName}</Text>
        <View>
          <ToneTag tone={TONES[interest.status]}>{INTEREST_STATUS_LABELS[interest.status]}</ToneTag>
        </View>
      </View>
      <View className='kc-muted'>
        {interest.authorName} ·{' '}
        {interest.authorPhone ? (
          <Text className='kc-link' onClick={call(interest.authorPhone)}>
            {interest.authorPhone}
          </Text>
        ) : (
          '未留电话'
        )}{' '}
        · {formatDate(interest.createdAt)}
      </View>
      <Text className='kc-link kc-link--wrap' onClick={open(`/packages/achievement/detail/index?id=${interest.achievementId}`)}>
        成果：{interest.achievementTitle} ›
      </Text>
      <Text className='kc-link kc-link--wrap' onClick={open(`/packages/team/detail/index?id=${interest.teamId}`)}>
        团队：{interest.teamName} ›
      </Text>
      <Text className='kc-interest__message'>{interest.message}</Text>
      {interest.forwarded ? (
        <View className='kc-muted'>
          {interest.forwarded.byName} 于 {formatDateTime(interest.forwarded.at)} 转达团队
          {interest.forwarded.note ? `：${interest.forwarded.note}` : ''}
        </View>
      ) : null}
      {interest.status === 'new' ? (
        <View className='kc-actions'>
          <Button type='primary' size='small' disabled={busy} onClick={() => onForward(interest)}>
            转达团队
          </Button>
        </View>
      ) : null}
    </View>
  );
}

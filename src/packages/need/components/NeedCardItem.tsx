import { Text, View } from '@tarojs/components';
import { NEED_VISIBILITY_LABELS } from '@core/need-rules';
import { formatShortDay, shanghaiDay } from '@core/time';
import type { NeedCard } from '@core/views/need';
import { NeedStatusTag } from './NeedStatusTag';
import './NeedCardItem.scss';

export type NeedCardItemProps = { need: NeedCard; onOpen: (need: NeedCard) => void };

/** 「X月X日前首次回复」 while a submitted or taken need waits for its first answer. */
export function respondByText(need: Pick<NeedCard, 'status' | 'respondBy' | 'respondedAt' | 'responseOverdue'>): string {
  if (need.respondBy === null || need.respondedAt !== null || (need.status !== 'submitted' && need.status !== 'taken')) return '';
  if (need.responseOverdue) return '已超过首次回复期限';
  return `${formatShortDay(shanghaiDay(need.respondBy))}前首次回复`;
}

/** One need in a list: title, status, field, enterprise, budget, who handles it and by when. */
export function NeedCardItem({ need, onOpen }: NeedCardItemProps) {
  const respondBy = respondByText(need);
  return (
    <View className='kc-card kc-need-card' onClick={() => onOpen(need)}>
      <View className='kc-row'>
        <Text className='kc-need-card__title'>{need.title}</Text>
        <View>
          <NeedStatusTag status={need.status} />
        </View>
      </View>
      <View className='kc-need-card__meta kc-muted'>
        {need.field} · {need.enterpriseName}
        {need.budget ? <Text className='kc-need-card__budget'> · 预算 {need.budget}</Text> : null}
      </View>
      {need.visibility === 'organizers' ? <View className='kc-need-card__meta kc-muted'>{NEED_VISIBILITY_LABELS.organizers}</View> : null}
      {(need.status === 'submitted' || need.status === 'taken') && (need.ownerName || respondBy) ? (
        <View className='kc-row kc-need-card__foot'>
          <Text className='kc-muted'>{need.ownerName ? `接单：${need.ownerName}` : ''}</Text>
          {respondBy ? <Text className={need.responseOverdue ? 'kc-need-card__due--late' : 'kc-need-card__due'}>{respondBy}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { EVIDENCE_LABELS } from '@core/evidence';
import { DAY_MS, formatDayRange, formatShortDay, shanghaiDay, shanghaiDayEnd } from '@core/time';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { progressService } from '@/services/progress';
import './index.scss';

const shift = (day: string, days: number) => shanghaiDay(shanghaiDayEnd(day) + days * DAY_MS);

export default function WeeklyPage() {
  const { teamId = '' } = useRouter().params;
  const [day, setDay] = useState(shanghaiDay(Date.now()));
  const week = useRemote(() => progressService.weekly(teamId, day), [teamId, day]);
  const data = week.data;
  const thisWeek = shanghaiDay(Date.now()) <= (data?.to ?? '');

  return (
    <View className='kc-page'>
      <View className='kc-card kc-row'>
        <Button size='small' onClick={() => setDay(shift(day, -7))}>
          上一周
        </Button>
        <Text className='kc-weekly__range'>{data ? formatDayRange(data.from, data.to) : ''}</Text>
        <Button size='small' disabled={thisWeek} onClick={() => setDay(shift(day, 7))}>
          下一周
        </Button>
      </View>
      <PageState loading={week.loading && !data} error={week.error} onRetry={week.reload}>
        {data ? (
          <>
            <View className='kc-section-title'>
              谁记录了（{data.members.filter((member) => member.days.length).length}/{data.members.length} 人）
            </View>
            <View className='kc-card'>
              {data.members.map((member) => (
                <View key={member.userId} className='kc-row kc-weekly__member'>
                  <Text>
                    {member.name}
                    {member.role === 'leader' ? '（队长）' : ''}
                  </Text>
                  <Text className='kc-muted'>
                    {member.days.length
                      ? `${member.days.map(formatShortDay).join('、')}${member.noProgressDays ? `（其中无进展 ${member.noProgressDays} 天）` : ''}`
                      : '本周未记录'}
                  </Text>
                </View>
              ))}
            </View>
            <View className='kc-section-title'>新增凭证（{data.evidence.length}）</View>
            <View className='kc-card'>
              {data.evidence.length ? (
                data.evidence.map((item) => (
                  <View key={`${item.kind}-${item.ref}-${item.day}`} className='kc-weekly__evidence'>
                    <Text className='kc-muted'>
                      {formatShortDay(item.day)} {item.userName} · {EVIDENCE_LABELS[item.kind]}
                    </Text>
                    <Text selectable>{item.ref}</Text>
                  </View>
                ))
              ) : (
                <Text className='kc-muted'>本周没有新增凭证</Text>
              )}
            </View>
            <View className='kc-section-title'>涉及的揭榜节点</View>
            <View className='kc-card'>
              {data.milestones.length ? (
                data.milestones.map((item) => (
                  <View key={`${item.claimTitle}-${item.milestoneTitle}`} className='kc-row kc-weekly__member'>
                    <Text>
                      {item.claimTitle} · {item.milestoneTitle}
                    </Text>
                    <Text className='kc-muted'>{item.logs} 条记录</Text>
                  </View>
                ))
              ) : (
                <Text className='kc-muted'>本周的记录没有关联揭榜节点</Text>
              )}
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}

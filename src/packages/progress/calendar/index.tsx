import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { daysOfMonth } from '@core/progress-rules';
import { formatDay, inShanghai } from '@core/time';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { progressService } from '@/services/progress';
import './index.scss';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function shiftMonth(month: string, by: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The days the member logged, month by month. Deliberately no streaks or totals (principle 1, docs/architecture.md). */
export default function CalendarPage() {
  const current = inShanghai(Date.now()).format('YYYY-MM');
  const [month, setMonth] = useState(current);
  const [picked, setPicked] = useState<string | null>(null);
  const calendar = useRemote(() => progressService.calendar(month), [month]);
  const days = daysOfMonth(month);
  const lead = (inShanghai(Date.parse(`${days[0]}T12:00:00+08:00`)).day() + 6) % 7;
  const logged = new Map((calendar.data?.days ?? []).map((entry) => [entry.day, entry]));
  const pickedEntry = picked ? logged.get(picked) : undefined;

  return (
    <View className='kc-page'>
      <View className='kc-card kc-row'>
        <Button size='small' onClick={() => setMonth(shiftMonth(month, -1))}>
          上个月
        </Button>
        <Text className='kc-calendar__month'>{month.replace('-', ' 年 ')} 月</Text>
        <Button size='small' disabled={month >= current} onClick={() => setMonth(shiftMonth(month, 1))}>
          下个月
        </Button>
      </View>
      <PageState loading={calendar.loading && !calendar.data} error={calendar.error} onRetry={calendar.reload}>
        <View className='kc-card'>
          <View className='kc-calendar__grid'>
            {WEEKDAYS.map((name) => (
              <Text key={name} className='kc-calendar__weekday'>
                {name}
              </Text>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <View key={`lead-${i}`} />
            ))}
            {days.map((day) => {
              const entry = logged.get(day);
              const tone = entry
                ? entry.teams.every((team) => team.noProgress)
                  ? ' kc-calendar__day--none'
                  : ' kc-calendar__day--logged'
                : '';
              return (
                <View
                  key={day}
                  className={`kc-calendar__day${tone}${picked === day ? ' kc-calendar__day--picked' : ''}`}
                  onClick={() => setPicked(day)}
                >
                  {Number(day.slice(8))}
                </View>
              );
            })}
          </View>
          <View className='kc-calendar__legend'>
            <Text className='kc-calendar__swatch kc-calendar__day--logged' /> 有进展
            <Text className='kc-calendar__swatch kc-calendar__day--none' /> 如实记录无进展
          </View>
        </View>
        {picked ? (
          <View className='kc-card'>
            <Text className='kc-calendar__picked'>{formatDay(picked)}</Text>
            {pickedEntry ? (
              pickedEntry.teams.map((team) => (
                <View key={team.teamId} className='kc-muted'>
                  {team.teamName}：{team.noProgress ? '无进展' : '已记录进展'}
                </View>
              ))
            ) : (
              <View className='kc-muted'>这天没有记录</View>
            )}
          </View>
        ) : null}
      </PageState>
    </View>
  );
}

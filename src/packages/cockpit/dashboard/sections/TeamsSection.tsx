import { Text, View } from '@tarojs/components';
import { REFRESH_AFTER_DAYS } from '@core/team-rules';
import type { Figures } from '@core/views';
import { StatusDonut } from '../charts/StatusDonut';
import { teamSlices } from '../labels';
import { Section, Stat } from './Section';

/** 队伍: by status (donut), registered ones by field, and how many are overdue for their 备案 refresh. */
export function TeamsSection({ figures }: { figures: Figures }) {
  const { byField, refreshOverdue } = figures.teams;
  const widest = Math.max(1, ...byField.map((entry) => entry.count));
  return (
    <Section title='队伍' note='按状态统计全部队伍；领域只统计已备案的队伍。'>
      <StatusDonut id='kc-chart-teams' title='队伍状态' slices={teamSlices(figures)} unit='支' />
      <View className='kc-dash__stats'>
        <Stat label={`逾期未更新备案（超过 ${REFRESH_AFTER_DAYS} 天）`} value={refreshOverdue} tone={refreshOverdue ? 'warn' : undefined} />
      </View>
      <Text className='kc-dash__sub-title'>已备案队伍的领域</Text>
      {byField.length ? (
        <View className='kc-bars' aria-label='已备案队伍的领域'>
          {byField.map((entry) => (
            <View key={entry.field} className='kc-bars__row'>
              <Text className='kc-bars__name'>{entry.field}</Text>
              <View className='kc-bars__track'>
                <View className='kc-bars__fill' style={{ width: `${(entry.count / widest) * 100}%` }} />
              </View>
              <Text className='kc-bars__value'>{entry.count} 支</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='kc-muted'>还没有已备案的队伍。</Text>
      )}
    </Section>
  );
}

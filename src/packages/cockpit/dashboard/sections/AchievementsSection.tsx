import { View } from '@tarojs/components';
import type { Figures } from '@core/views';
import { MonthlyBars } from '../charts/MonthlyBars';
import { ACHIEVEMENT_SERIES } from '../labels';
import { Section, Stat } from './Section';

/** 成果: confirmed ones by month of confirmation and type; those waiting for confirmation beside, never inside. */
export function AchievementsSection({ figures }: { figures: Figures }) {
  const { confirmed, unconfirmed, confirmedByMonth } = figures.achievements;
  return (
    <Section title='成果' note='只统计队伍之外的人确认过的成果，按确认月份显示近 12 个月。待确认的成果单列，不计入合计。'>
      <View className='kc-dash__stats'>
        <Stat label='累计已确认' value={confirmed} />
        <Stat label='待确认（不计入合计）' value={unconfirmed} />
      </View>
      <MonthlyBars id='kc-chart-months' title='近 12 个月已确认的成果' months={confirmedByMonth} series={ACHIEVEMENT_SERIES} unit='项' />
    </Section>
  );
}

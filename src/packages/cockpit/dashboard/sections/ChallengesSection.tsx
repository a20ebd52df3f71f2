import { Text, View } from '@tarojs/components';
import type { Figures } from '@core/views';
import { FunnelChart } from '../charts/FunnelChart';
import { funnelSteps } from '../labels';
import { Section, Stat } from './Section';

/** 揭榜挂帅: how many challenges reached each stage, how they ended (failure is an outcome), and days per stage. */
export function ChallengesSection({ figures }: { figures: Figures }) {
  const { outcomes, stageDays } = figures.challenges;
  return (
    <Section
      title='揭榜挂帅'
      note='本组织及下级组织发布的榜单。漏斗为到达各阶段的榜单数：征榜（起草）→ 发榜（发布）→ 揭榜（有队伍揭榜）→ 评榜（选定攻关队伍）→ 夺榜（结榜并有夺榜队伍）。'
    >
      <FunnelChart id='kc-chart-funnel' title='榜单漏斗' steps={funnelSteps(figures)} unit='个' />
      <Text className='kc-dash__sub-title'>榜单结果</Text>
      <View className='kc-dash__stats'>
        <Stat label='已夺榜' value={outcomes.completed} />
        <Stat label='未成功' value={outcomes.failed} />
        <Stat label='已撤榜' value={outcomes.cancelled} />
      </View>
      <Text className='kc-dash__sub-title'>入选队伍的结果</Text>
      <View className='kc-dash__stats'>
        <Stat label='夺榜' value={outcomes.won} />
        <Stat label='止步' value={outcomes.stopped} />
      </View>
      <Text className='kc-dash__sub-title'>各阶段平均用时</Text>
      <View className='kc-dash__table' aria-label='各阶段平均用时'>
        <View className='kc-dash__table-row kc-dash__table-row--head'>
          <Text className='kc-dash__table-cell'>阶段</Text>
          <Text className='kc-dash__table-cell'>平均天数</Text>
          <Text className='kc-dash__table-cell'>已走完的榜单</Text>
        </View>
        {stageDays
          .filter((step) => step.stage !== '夺榜')
          .map((step) => (
            <View key={step.stage} className='kc-dash__table-row'>
              <Text className='kc-dash__table-cell'>{step.stage}</Text>
              <Text className='kc-dash__table-cell'>{step.days === null ? '—' : `${step.days} 天`}</Text>
              <Text className='kc-dash__table-cell'>{step.left} 个</Text>
            </View>
          ))}
      </View>
      <Text className='kc-muted kc-dash__note'>
        一个阶段的用时从进入算到进入下一阶段，或在该阶段结榜、撤榜为止；还在该阶段的榜单不计入。
      </Text>
    </Section>
  );
}

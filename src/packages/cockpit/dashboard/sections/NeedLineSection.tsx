import { Text, View } from '@tarojs/components';
import { NEED_SPAN_LABELS } from '@core/cockpit-rules';
import type { Figures } from '@core/views';
import { FunnelChart } from '../charts/FunnelChart';
import { needLineSteps } from '../labels';
import { Section } from './Section';

/** 企业点单 → 成果转化: how many needs reached each step of the line, and the average days between steps. */
export function NeedLineSection({ figures }: { figures: Figures }) {
  const { spanDays } = figures.needs;
  return (
    <Section
      title='企业点单 → 成果转化'
      note='本组织及下级组织服务的企业提交的需求（草稿不计）。漏斗为到达各环节的需求数：收到需求 → 已接单 → 转为榜单 → 有队伍揭榜 → 夺榜 → 成果转化（企业方已确认的转化）。'
    >
      <FunnelChart id='kc-chart-needs' title='需求漏斗' steps={needLineSteps(figures)} unit='项' />
      <Text className='kc-dash__sub-title'>各环节平均用时</Text>
      <View className='kc-dash__table' aria-label='需求各环节平均用时'>
        <View className='kc-dash__table-row kc-dash__table-row--head'>
          <Text className='kc-dash__table-cell'>环节</Text>
          <Text className='kc-dash__table-cell'>平均天数</Text>
          <Text className='kc-dash__table-cell'>已走完的需求</Text>
        </View>
        {spanDays.map((step) => (
          <View key={step.span} className='kc-dash__table-row'>
            <Text className='kc-dash__table-cell'>{NEED_SPAN_LABELS[step.span]}</Text>
            <Text className='kc-dash__table-cell'>{step.days === null ? '—' : `${step.days} 天`}</Text>
            <Text className='kc-dash__table-cell'>{step.passed} 项</Text>
          </View>
        ))}
      </View>
      <Text className='kc-muted kc-dash__note'>每个环节只统计两端都已发生的需求；还在途中的不计入。</Text>
    </Section>
  );
}

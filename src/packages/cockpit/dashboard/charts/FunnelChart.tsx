import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { colorAt } from './palette';
import { funnelSpec, type Slice } from './specs';

export type FunnelChartProps = { id: string; title: string; steps: Slice[]; unit: string };

/** Stages as a funnel, with each stage's count listed beside it. */
export function FunnelChart({ id, title, steps, unit }: FunnelChartProps) {
  const chart = useMemo(() => (steps.some((step) => step.value > 0) ? funnelSpec(steps) : null), [steps]);
  const words = steps.map((step) => `${step.label} ${step.value} ${unit}`).join('，');
  return (
    <View className='kc-chart'>
      {chart ? <ChartCanvas id={id} label={`${title}：${words}`} height={200} chart={chart} /> : null}
      <View className='kc-chart__numbers' aria-label={`${title}（数字）`}>
        {steps.map((step, index) => (
          <View key={step.label} className='kc-chart__row'>
            <View className='kc-chart__swatch' style={{ background: colorAt(index) }} />
            <Text className='kc-chart__name'>{step.label}</Text>
            <Text className='kc-chart__value'>
              {step.value} {unit}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { colorAt } from './palette';
import { donutSpec, type Slice } from './specs';

export type StatusDonutProps = { id: string; title: string; slices: Slice[]; unit: string };

const share = (value: number, total: number) => (total ? `${Math.round((value / total) * 100)}%` : '—');

/** Parts of a whole as a ring, with each part's count and share listed beside it. */
export function StatusDonut({ id, title, slices, unit }: StatusDonutProps) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const chart = useMemo(() => (total > 0 ? donutSpec(slices) : null), [slices, total]);
  const words = slices.map((slice) => `${slice.label} ${slice.value} ${unit}`).join('，');
  return (
    <View className='kc-chart'>
      {chart ? <ChartCanvas id={id} label={`${title}：${words}`} height={180} chart={chart} /> : null}
      <View className='kc-chart__numbers' aria-label={`${title}（数字）`}>
        {slices.map((slice, index) => (
          <View key={slice.label} className='kc-chart__row'>
            <View className='kc-chart__swatch' style={{ background: colorAt(index) }} />
            <Text className='kc-chart__name'>{slice.label}</Text>
            <Text className='kc-chart__value'>
              {slice.value} {unit}
            </Text>
            <Text className='kc-chart__share kc-muted'>{share(slice.value, total)}</Text>
          </View>
        ))}
        <View className='kc-chart__row kc-chart__row--total'>
          <Text className='kc-chart__name'>合计</Text>
          <Text className='kc-chart__value'>
            {total} {unit}
          </Text>
        </View>
      </View>
    </View>
  );
}

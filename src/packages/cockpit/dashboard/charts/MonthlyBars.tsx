import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { colorAt } from './palette';
import { stackedSpec } from './specs';

export type MonthColumn = { month: string; total: number; byType: Record<string, number> };
export type MonthlyBarsProps = {
  id: string;
  title: string;
  months: MonthColumn[];
  /** Series keys in legend order, with their names. */
  series: { key: string; label: string }[];
  unit: string;
};

/** 2026-11 → 26年11月 (a year and a month fit under a narrow bar). */
export const monthLabel = (month: string) => `${month.slice(2, 4)}年${Number(month.slice(5))}月`;

/** One bar a month stacked by series, with each month's numbers listed below. */
export function MonthlyBars({ id, title, months, series, unit }: MonthlyBarsProps) {
  const shown = series.filter((one) => months.some((month) => month.byType[one.key]));
  // The table lists the months with confirmations; the chart shows all twelve.
  const counted = months.filter((month) => month.total > 0);
  const chart = useMemo(() => {
    if (!months.some((month) => month.total > 0)) return null;
    const rows = months.flatMap((month) =>
      // Just the month's number under a bar: twelve of them fit across a phone.
      shown.map((one) => ({ month: String(Number(month.month.slice(5))), series: one.label, value: month.byType[one.key] ?? 0 })),
    );
    return stackedSpec(
      rows,
      shown.map((one) => one.label),
    );
  }, [months, shown]);
  const words = months.map((month) => `${monthLabel(month.month)} ${month.total} ${unit}`).join('，');
  return (
    <View className='kc-chart kc-chart--wide'>
      {chart ? <ChartCanvas id={id} label={`${title}：${words}`} height={220} chart={chart} /> : null}
      <View className='kc-chart__numbers' aria-label={`${title}（数字）`}>
        {counted.length ? null : <Text className='kc-muted'>近 12 个月没有确认的成果。</Text>}
        {counted.map((month) => (
          <View key={month.month} className='kc-chart__row'>
            <Text className='kc-chart__name'>{monthLabel(month.month)}</Text>
            <Text className='kc-chart__value'>
              {month.total} {unit}
            </Text>
            <Text className='kc-chart__detail kc-muted'>
              {shown
                .filter((one) => month.byType[one.key])
                .map((one) => `${one.label} ${month.byType[one.key]}`)
                .join('、')}
            </Text>
          </View>
        ))}
        {counted.length > 0 && counted.length < months.length ? (
          <Text className='kc-muted kc-chart__rest'>其余月份没有确认的成果。</Text>
        ) : null}
        {shown.length ? (
          <View className='kc-chart__legend'>
            {shown.map((one, index) => (
              <View key={one.key} className='kc-chart__legend-item'>
                <View className='kc-chart__swatch' style={{ background: colorAt(index) }} />
                <Text className='kc-muted'>{one.label}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}

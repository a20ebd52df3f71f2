import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One block of the dashboard: a title, a line saying what is counted, then charts and numbers. */
export function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className='kc-card kc-dash__section'>
      <Text className='kc-dash__section-title'>{title}</Text>
      {note ? <Text className='kc-muted kc-dash__note'>{note}</Text> : null}
      {children}
    </View>
  );
}

/** A figure as 「名称 数字」 in a row of a few. */
export function Stat({ label, value, tone }: { label: string; value: string | number; tone?: 'warn' }) {
  return (
    <View className={tone === 'warn' ? 'kc-dash__stat kc-dash__stat--warn' : 'kc-dash__stat'}>
      <Text className='kc-dash__stat-value'>{value}</Text>
      <Text className='kc-dash__stat-label'>{label}</Text>
    </View>
  );
}

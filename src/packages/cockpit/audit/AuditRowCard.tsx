import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime } from '@core/time';
import type { AuditRow } from '@core/views';

/** One entry: what was done, by whom and when, and (when its object has a page) a tap to open it. */
export function AuditRowCard({ row }: { row: AuditRow }) {
  const open = row.targetUrl ? () => void Taro.navigateTo({ url: row.targetUrl ?? '' }) : undefined;
  return (
    <View className='kc-card kc-audit-row' onClick={open}>
      <View className='kc-row kc-audit-row__head'>
        <Text className='kc-audit-row__action'>{row.actionLabel}</Text>
        <Text className='kc-muted kc-audit-row__at'>{formatDateTime(row.at)}</Text>
      </View>
      <Text className='kc-audit-row__summary'>{row.summary}</Text>
      <View className='kc-row kc-audit-row__foot'>
        <Text className='kc-muted'>{row.actorName}</Text>
        {open ? <Text className='kc-link'>查看对象 ›</Text> : null}
      </View>
    </View>
  );
}

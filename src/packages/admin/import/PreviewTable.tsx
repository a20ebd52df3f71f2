import { Text, View } from '@tarojs/components';
import { ScopeTabs } from '@/components/ScopeTabs';
import { useState } from 'react';
import { ORG_KIND_LABEL } from '@core/admin-rules';
import type { ImportPreview, ImportRow, ImportRowStatus } from '@core/views';

type Filter = 'all' | ImportRowStatus;

const STATUS_LABEL: Record<ImportRowStatus, string> = { create: '将新建', exists: '已存在', error: '有错误' };

/** Enough rows to read on a phone without the page growing past what WeChat renders smoothly. */
const SHOWN_AT_MOST = 100;

/** An error says what to fix; other rows say what will happen to them. */
const statusText = (row: ImportRow) => (row.status === 'error' ? `有错误：${row.message}` : row.message || STATUS_LABEL[row.status]);

function Row({ row }: { row: ImportRow }) {
  return (
    <View className={`kc-import__row kc-import__row--${row.status}`}>
      <View className='kc-import__cells'>
        <Text className='kc-import__no'>{row.row}</Text>
        <Text className='kc-import__kind'>{row.kind ? ORG_KIND_LABEL[row.kind] : '—'}</Text>
        <Text className='kc-import__name'>{row.name || '（空）'}</Text>
        <Text className='kc-import__parent'>{row.parentName || '（空）'}</Text>
      </View>
      <Text className='kc-import__status'>{statusText(row)}</Text>
    </View>
  );
}

/** What importing the sheet would do, row by row, with rows in error first to be seen. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const [filter, setFilter] = useState<Filter>(preview.errors ? 'error' : 'all');
  const filters: { value: Filter; label: string }[] = [
    { value: 'all', label: `全部 ${preview.rows.length}` },
    { value: 'error', label: `有错误 ${preview.errors}` },
    { value: 'create', label: `将新建 ${preview.creates}` },
    { value: 'exists', label: `已存在 ${preview.exists}` },
  ];
  const rows = preview.rows.filter((row) => filter === 'all' || row.status === filter);
  return (
    <View className='kc-card'>
      <Text className='kc-import__counts'>
        将新建 {preview.creates} · 已存在 {preview.exists} · 有错误 {preview.errors}
      </Text>
      <ScopeTabs options={filters} value={filter} onChange={setFilter} />
      <View className='kc-import__cells kc-import__head'>
        <Text className='kc-import__no'>行号</Text>
        <Text className='kc-import__kind'>类型</Text>
        <Text className='kc-import__name'>名称</Text>
        <Text className='kc-import__parent'>上级</Text>
      </View>
      {rows.slice(0, SHOWN_AT_MOST).map((row) => (
        <Row key={row.row} row={row} />
      ))}
      {rows.length ? null : <View className='kc-muted kc-import__none'>没有这类行。</View>}
      {rows.length > SHOWN_AT_MOST ? <View className='kc-muted kc-import__none'>只显示前 {SHOWN_AT_MOST} 行。</View> : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { formatYuan } from '@core/money';
import { TRANSFER_KIND_LABELS } from '@core/need-rules';
import type { Figures } from '@core/views';
import { Section, Stat } from './Section';

/** 技术合同成交额: confirmed transfers summed and by kind; those waiting for or disputed by the enterprise beside, never inside. */
export function TransfersSection({ figures }: { figures: Figures }) {
  const { confirmed, byKind, pending, disputed } = figures.transfers;
  return (
    <Section
      title='技术合同成交额（已确认）'
      note='本组织及下级组织的队伍登记的成果转化，只合计企业方已确认的合同（含不是来自企业需求的）。待确认、有异议的单列，不计入合计。'
    >
      <View className='kc-dash__stats'>
        <Stat label='已确认成交额' value={formatYuan(confirmed.amount)} />
        <Stat label='已确认合同' value={`${confirmed.count} 项`} />
      </View>
      <Text className='kc-dash__sub-title'>按转化方式</Text>
      <View className='kc-dash__table' aria-label='按转化方式的已确认合同'>
        <View className='kc-dash__table-row kc-dash__table-row--head'>
          <Text className='kc-dash__table-cell'>方式</Text>
          <Text className='kc-dash__table-cell'>合同数</Text>
          <Text className='kc-dash__table-cell'>成交额</Text>
        </View>
        {byKind.map((entry) => (
          <View key={entry.kind} className='kc-dash__table-row'>
            <Text className='kc-dash__table-cell'>{TRANSFER_KIND_LABELS[entry.kind]}</Text>
            <Text className='kc-dash__table-cell'>{entry.count} 项</Text>
            <Text className='kc-dash__table-cell'>{formatYuan(entry.amount)}</Text>
          </View>
        ))}
      </View>
      <View className='kc-dash__stats'>
        <Stat label='待企业确认（不计入合计）' value={`${pending} 项`} />
        <Stat label='企业有异议（不计入合计）' value={`${disputed} 项`} tone={disputed ? 'warn' : undefined} />
      </View>
    </Section>
  );
}

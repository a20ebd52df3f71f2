import { Text, View } from '@tarojs/components';
import { CONTACT_KINDS, CONTACT_KIND_LABELS, OPINION_STATES, OPINION_STATE_LABELS } from '@core/contact-rules';
import type { CycleSummary } from '@core/views';

/** 周期小结: how many chosen teams were contacted, the records by kind, and the opinions by state. */
export function SummaryCard({ summary }: { summary: CycleSummary }) {
  const figures: [string, number][] = [
    ['选定队伍', summary.teamsChosen],
    ['已联系', summary.teamsContacted],
    ['尚未联系', Math.max(summary.teamsChosen - summary.teamsContacted, 0)],
  ];
  return (
    <View className='kc-card'>
      <Text className='kc-contact__card-title'>周期小结</Text>
      <View className='kc-contact-figures'>
        {figures.map(([label, value]) => (
          <View key={label} className='kc-contact-figures__item'>
            <Text className='kc-contact-figures__value'>{value}</Text>
            <Text className='kc-muted'>{label}</Text>
          </View>
        ))}
      </View>
      <View className='kc-contact-summary__line'>
        <Text className='kc-muted'>联系记录</Text>
        <Text>{CONTACT_KINDS.map((kind) => `${CONTACT_KIND_LABELS[kind]} ${summary.recordsByKind[kind]}`).join(' · ')}</Text>
      </View>
      <View className='kc-contact-summary__line'>
        <Text className='kc-muted'>意见建议</Text>
        <Text>{OPINION_STATES.map((state) => `${OPINION_STATE_LABELS[state]} ${summary.opinionsByState[state]}`).join(' · ')}</Text>
      </View>
    </View>
  );
}

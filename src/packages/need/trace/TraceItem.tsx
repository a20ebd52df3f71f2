import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDate } from '@core/time';
import type { TraceEntry } from '@core/views/need';
import { ToneTag, type Tone } from '@/components/ToneTag';
import { traceEntryUrl } from './links';

const KINDS: Record<TraceEntry['kind'], { label: string; tone: Tone }> = {
  need: { label: '需求', tone: 'warning' },
  challenge: { label: '榜单', tone: 'danger' },
  solicit: { label: '征榜', tone: 'info' },
  claim: { label: '揭榜', tone: 'info' },
  gate: { label: '节点', tone: 'muted' },
  achievement: { label: '成果', tone: 'success' },
  transfer: { label: '转化', tone: 'success' },
};

/** One step on the line from need to result; tapping it opens the page that shows it. */
export function TraceItem({ entry }: { entry: TraceEntry }) {
  const { link } = entry;
  const kind = KINDS[entry.kind];
  return (
    <View
      className={`kc-need-trace__item kc-need-trace__item--${entry.kind}${link ? ' kc-need-trace__item--link' : ''}`}
      onClick={link ? () => void Taro.navigateTo({ url: traceEntryUrl(link) }) : undefined}
    >
      <View className='kc-need-trace__head'>
        <ToneTag tone={kind.tone}>{kind.label}</ToneTag>
        <Text className='kc-muted'>{formatDate(entry.at)}</Text>
      </View>
      <Text className='kc-need-trace__title'>{entry.title}</Text>
      {entry.note && entry.note !== entry.title ? <Text className='kc-need-trace__note'>{entry.note}</Text> : null}
      {link && entry.kind !== 'need' ? <Text className='kc-need-trace__open'>查看 ›</Text> : null}
    </View>
  );
}

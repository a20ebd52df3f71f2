import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EVIDENCE_LABELS } from '@core/evidence';
import { formatDateTime, formatDay } from '@core/time';
import type { ProgressLogView } from '@core/views';
import { ToneTag } from '../ToneTag';
import './index.scss';

export type LogCardProps = { log: ProgressLogView; showAuthor?: boolean };

/** One progress log: what changed, its checkable reference, photos and the claim it cites. */
export function LogCard({ log, showAuthor = true }: LogCardProps) {
  return (
    <View className='kc-card kc-log'>
      <View className='kc-row'>
        <Text className='kc-log__head'>
          {showAuthor ? `${log.userName} · ` : ''}
          {formatDay(log.day)}
        </Text>
        <View>
          {log.noProgress ? <ToneTag tone='muted'>今日无进展</ToneTag> : null}
          {log.edited ? (
            <ToneTag tone='info' style={{ marginLeft: '4px' }}>
              已修改
            </ToneTag>
          ) : null}
          {log.lateSync ? (
            <ToneTag tone='warning' style={{ marginLeft: '4px' }}>
              离线补传
            </ToneTag>
          ) : null}
        </View>
      </View>
      {log.content ? <Text className='kc-log__content'>{log.content}</Text> : null}
      {log.evidence.kind !== 'none' ? (
        <View className='kc-log__evidence'>
          <Text className='kc-muted'>{EVIDENCE_LABELS[log.evidence.kind]}：</Text>
          <Text selectable>{log.evidence.ref}</Text>
        </View>
      ) : null}
      {log.claimTitle ? (
        <Text className='kc-muted kc-log__claim'>
          揭榜：{log.claimTitle}
          {log.milestoneTitle ? ` · 节点：${log.milestoneTitle}` : ''}
        </Text>
      ) : null}
      {log.photos.length ? (
        <View className='kc-log__photos'>
          {log.photos.map((url) => (
            <Image
              key={url}
              className='kc-log__photo'
              src={url}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ current: url, urls: log.photos })}
            />
          ))}
        </View>
      ) : null}
      <Text className='kc-muted kc-log__time'>更新于 {formatDateTime(log.updatedAt)}</Text>
    </View>
  );
}

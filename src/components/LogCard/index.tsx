import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EVIDENCE_LABELS } from '@core/evidence';
import { formatDateTime, formatDay } from '@core/time';
import type { ProgressLogView } from '@core/views';
import { ReportButton } from '../ReportButton';
import { ToneTag } from '../ToneTag';
import './index.scss';

export type LogCardProps = {
  log: ProgressLogView;
  showAuthor?: boolean;
  /** Who is looking; null while unknown. A log not written by them gets a 投诉/举报 link. */
  viewerId: string | null;
};

/** One progress log: what changed, its checkable reference, photos and the claim it cites. */
export function LogCard({ log, showAuthor = true, viewerId }: LogCardProps) {
  return (
    <View className='kc-card kc-log'>
      {log.hidden ? <View className='kc-banner kc-banner--danger kc-log__hidden'>该内容已被管理员隐藏：{log.hidden.reason}</View> : null}
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
      <View className='kc-row'>
        <Text className='kc-muted kc-log__time'>更新于 {formatDateTime(log.updatedAt)}</Text>
        {/* While the viewer is unknown, no link rather than one on their own log. */}
        <ReportButton targetKind='progress' targetId={log.id} hidden={!viewerId || viewerId === log.userId} />
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@core/time';
import { PageState } from '@/components/PageState';
import { ReportButton } from '@/components/ReportButton';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { noticeService } from '@/services/notice';
import './index.scss';

export default function NoticeDetailPage() {
  const { id = '' } = useRouter().params;
  const detail = useRemote(() => noticeService.detail(id), [id]);
  const { busy, run } = useAction();
  const data = detail.data;
  return (
    <View className='kc-page'>
      <PageState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data ? (
          <>
            {data.hidden ? <View className='kc-card kc-banner kc-banner--danger'>该内容已被管理员隐藏：{data.hidden.reason}</View> : null}
            <View className='kc-card'>
              <Text className='kc-notice-detail__title'>{data.title}</Text>
              <Text className='kc-muted'>
                {data.orgName} · {data.authorName} · {formatDateTime(data.createdAt)}
              </Text>
              <Text className='kc-notice-detail__body'>{data.body}</Text>
              {data.viewer.isOrganizer ? <Text className='kc-muted'>发送对象：{data.audienceLabel}</Text> : null}
              {/* Organizers publish notices and handle reports of them: only recipients report one. */}
              <ReportButton targetKind='notice' targetId={data.id} hidden={data.viewer.isOrganizer} placement='end' />
            </View>
            {data.viewer.canAck ? (
              <Button type='primary' block loading={busy} onClick={() => run(() => noticeService.ack(id), '已知悉', detail.setData)}>
                已知悉
              </Button>
            ) : null}
            {data.mine?.ackAt ? (
              <View className='kc-banner kc-banner--success'>你已于 {formatDateTime(data.mine.ackAt)} 确认知悉</View>
            ) : null}
            {data.viewer.isOrganizer ? (
              <Button
                block
                fill='outline'
                type='primary'
                onClick={() => void Taro.navigateTo({ url: `/packages/notice/stats/index?id=${id}` })}
              >
                查看阅读与确认情况
              </Button>
            ) : null}
          </>
        ) : null}
      </PageState>
    </View>
  );
}

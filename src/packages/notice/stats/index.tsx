import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@core/time';
import type { NoticePerson } from '@core/views';
import { PageState } from '@/components/PageState';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { noticeService } from '@/services/notice';
import './index.scss';

function People({ title, people }: { title: string; people: NoticePerson[] }) {
  return (
    <>
      <View className='kc-section-title'>
        {title}（{people.length}）
      </View>
      <View className='kc-card'>
        {people.length ? (
          people.map((person) => (
            <View key={person.userId} className='kc-row kc-notice-stats__person'>
              <Text>{person.name}</Text>
              <Text className='kc-muted'>{person.teamName}</Text>
            </View>
          ))
        ) : (
          <Text className='kc-muted'>没有了</Text>
        )}
      </View>
    </>
  );
}

/** Read and acknowledged counts, who has not, and one reminder a day for them. */
export default function NoticeStatsPage() {
  const { id = '' } = useRouter().params;
  const stats = useRemote(() => noticeService.stats(id), [id]);
  const { busy, run } = useAction();
  const data = stats.data;
  const owed = data ? (data.requireAck ? data.notAcknowledged.length : data.notRead.length) : 0;

  const remind = async () => {
    if (
      !(await confirmStep(
        '提醒',
        `向 ${owed} 位尚未${data?.requireAck ? '确认' : '阅读'}的成员再发一次提醒？每人一条，24 小时内只能提醒一次。`,
        '发送提醒',
      ))
    )
      return;
    await run(() => noticeService.remind(id), '已提醒', stats.setData);
  };

  return (
    <View className='kc-page'>
      <PageState loading={stats.loading && !data} error={stats.error} onRetry={stats.reload}>
        {data ? (
          <>
            <View className='kc-card'>
              <Text className='kc-notice-stats__title'>{data.title}</Text>
              <View className='kc-notice-stats__counts'>
                <View className='kc-notice-stats__count'>
                  <Text className='kc-notice-stats__number'>{data.recipients}</Text>
                  <Text className='kc-muted'>接收</Text>
                </View>
                <View className='kc-notice-stats__count'>
                  <Text className='kc-notice-stats__number'>{data.read}</Text>
                  <Text className='kc-muted'>已读</Text>
                </View>
                {data.requireAck ? (
                  <View className='kc-notice-stats__count'>
                    <Text className='kc-notice-stats__number'>{data.acknowledged}</Text>
                    <Text className='kc-muted'>已知悉</Text>
                  </View>
                ) : null}
              </View>
              {data.remindedAt ? <Text className='kc-muted'>上次提醒：{formatDateTime(data.remindedAt)}</Text> : null}
            </View>
            {owed > 0 ? (
              <Button block type='primary' disabled={!data.canRemind} loading={busy} onClick={remind}>
                {data.canRemind ? `提醒未${data.requireAck ? '确认' : '阅读'}的 ${owed} 人` : '24 小时内已提醒'}
              </Button>
            ) : null}
            {data.requireAck ? <People title='未确认' people={data.notAcknowledged} /> : null}
            <People title='未读' people={data.notRead} />
          </>
        ) : null}
      </PageState>
    </View>
  );
}

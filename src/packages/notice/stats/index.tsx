import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@core/time';
import type { NoticePerson, NoticePush } from '@core/views';
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

const PUSH_ROWS: { key: keyof NoticePush; label: string; description?: string }[] = [
  { key: 'sent', label: '已推送' },
  { key: 'inAppOnly', label: '仅站内', description: '未订阅或授权已用完，只在站内信中' },
  { key: 'failed', label: '推送失败', description: '微信拒绝了推送，站内信仍在' },
  { key: 'unknown', label: '结果未知', description: '发送时服务中断，不会自动重发，站内信仍在' },
  { key: 'pending', label: '待发送' },
];

/** How the notice's subscribe messages went; every recipient has the in-app copy regardless. */
function Push({ push }: { push: NoticePush }) {
  return (
    <>
      <View className='kc-section-title'>订阅消息推送</View>
      <View className='kc-card kc-notice-stats__push'>
        {PUSH_ROWS.map((row) => (
          <Cell
            key={row.key}
            title={row.label}
            description={push[row.key] > 0 ? row.description : undefined}
            extra={<Text className='kc-notice-stats__push-count'>{push[row.key]} 人</Text>}
          />
        ))}
      </View>
    </>
  );
}

/** Read and acknowledged counts, who has not, how the pushes went, and one reminder a day for them. */
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
            <Push push={data.push} />
            {data.requireAck ? <People title='未确认' people={data.notAcknowledged} /> : null}
            <People title='未读' people={data.notRead} />
          </>
        ) : null}
      </PageState>
    </View>
  );
}

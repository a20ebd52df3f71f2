import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ok } from '@core/errors';
import { formatYuan } from '@core/money';
import type { TransferCard } from '@core/views';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { teamService } from '@/services/team';
import { transferService } from '@/services/transfer';
import { TransferCardItem } from '../components/TransferCardItem';
import './index.scss';

/** Only confirmed contracts are added up; the others are counted beside, never in (principle 2). */
function Totals({ items }: { items: TransferCard[] }) {
  const confirmed = items.filter((item) => item.status === 'confirmed');
  const waiting = items.filter((item) => item.status === 'pending').length;
  const sum = confirmed.reduce((total, item) => total + item.amount, 0);
  return (
    <View className='kc-muted'>
      已确认 {confirmed.length} 项{confirmed.length ? `，合同金额合计 ${formatYuan(sum)}` : ''}
      {waiting ? `；另有 ${waiting} 项待企业确认，不计入合计` : ''}
    </View>
  );
}

/** A team's 成果转化: its registered technology contracts and whether the enterprise party has confirmed them. */
export default function TeamTransfersPage() {
  const { teamId = '' } = useRouter().params;
  const remote = useRemote(async () => {
    const [transfers, team] = await Promise.all([transferService.teamTransfers(teamId), teamService.detail(teamId)]);
    if (!transfers.ok) return transfers;
    return ok({ items: transfers.data, team: team.ok ? team.data : null });
  }, [teamId]);
  const data = remote.data;
  const canRecord = Boolean(data?.team?.viewer.isLeader && data.team.status === 'registered');
  const record = () => void Taro.navigateTo({ url: `/packages/transfer/edit/index?teamId=${teamId}` });

  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState loading={remote.loading && !data} error={remote.error} onRetry={remote.reload}>
          {data ? (
            <>
              <View className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-transfer__team'>{data.team?.name ?? data.items[0]?.teamName ?? '成果转化'}</Text>
                  {canRecord ? (
                    <Button size='small' type='primary' onClick={record}>
                      登记成果转化
                    </Button>
                  ) : null}
                </View>
                <Totals items={data.items} />
              </View>
              {data.items.length ? (
                data.items.map((item) => <TransferCardItem key={item.id} transfer={item} />)
              ) : (
                <View className='kc-card kc-muted'>
                  还没有登记成果转化。成果经团组织确认、或夺榜完成后签订技术合同（转让、许可、作价入股、技术服务），可由队长登记，交企业确认。
                </View>
              )}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}

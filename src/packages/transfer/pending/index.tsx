import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { transferService } from '@/services/transfer';
import { TransferCardItem } from '../components/TransferCardItem';

/** Transfers waiting for this user to confirm: as the enterprise's contact, or bound with a confirmation code. */
export default function PendingTransfersPage() {
  const list = useRemote(() => transferService.pending());
  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState
          loading={list.loading && !list.data}
          error={list.error}
          onRetry={list.reload}
          empty={list.data?.length === 0}
          emptyTitle='没有待你确认的成果转化'
          emptyDescription='团队登记与你方签订的技术合同后会出现在这里；也可以输入团队给你的确认码。'
          emptyAction={
            <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/need/redeem/index' })}>
              输入确认码
            </Button>
          }
        >
          {list.data?.length ? (
            <>
              <View className='kc-card kc-muted'>请逐项核对合同编号、金额和日期：确认后计入团队的成果转化，与合同不符请提出异议。</View>
              {list.data.map((item) => (
                <TransferCardItem key={item.id} transfer={item} showTeam />
              ))}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}

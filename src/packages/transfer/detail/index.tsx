import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatYuan, formatYuanExact } from '@core/money';
import { TRANSFER_KIND_LABELS } from '@core/need-rules';
import { formatDate, formatDateTime, formatDay } from '@core/time';
import type { TransferDetail } from '@core/views';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { transferService } from '@/services/transfer';
import { ConfirmCodeCard } from '../components/ConfirmCodeCard';
import { TransferStatusTag } from '../components/TransferStatusTag';
import { BasisLinks } from './BasisLinks';
import './index.scss';

/** One transfer: the contract, what it rests on, and its confirmation by the enterprise party (never the team). */
export default function TransferDetailPage() {
  const { id = '' } = useRouter().params;
  const remote = useRemote(() => transferService.detail(id), [id]);
  const { busy, run } = useAction();
  const [disputing, setDisputing] = useState(false);
  const data = remote.data;

  const confirmIt = async () => {
    if (!data) return;
    const question = `确认与「${data.transferor}」签订的合同 ${data.contractNo}（${formatYuan(data.amount)}）属实？确认后计入成果转化，不能撤回。`;
    if (!(await confirmStep('确认成果转化', question, '确认'))) return;
    await run(() => transferService.confirm({ transferId: id, verdict: 'confirm', reason: '' }), '已确认', remote.setData);
  };
  const dispute = async (reason: string) => {
    setDisputing(false);
    const question = '提出异议后这条转化记录不计入统计，团队会看到你写的原因；提交后不能撤回。';
    if (!(await confirmStep('提出异议', question, '提交异议'))) return;
    await run(() => transferService.confirm({ transferId: id, verdict: 'dispute', reason }), '已提交异议', remote.setData);
  };

  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState loading={remote.loading && !data} error={remote.error} onRetry={remote.reload}>
          {data ? (
            <>
              <Contract data={data} />
              <BasisLinks data={data} />
              {data.confirmCodeExpiresAt ? (
                <ConfirmCodeCard code={data.confirmCode} expiresAt={data.confirmCodeExpiresAt} transferee={data.transferee} />
              ) : null}
              <Decision data={data} />
              {data.viewer.canConfirm && data.status === 'pending' ? (
                <View className='kc-actions'>
                  <Button type='danger' fill='outline' disabled={busy} onClick={() => setDisputing(true)}>
                    提出异议
                  </Button>
                  <Button type='primary' loading={busy} onClick={() => void confirmIt()}>
                    确认
                  </Button>
                </View>
              ) : null}
            </>
          ) : null}
        </PageState>
      </View>
      <ReasonDialog
        visible={disputing}
        title='提出异议'
        hint='写明哪里与合同不符（如金额、编号、受让方），团队会看到。'
        confirmText='下一步'
        minLength={4}
        placeholder='请写明异议原因'
        onConfirm={(reason) => void dispute(reason)}
        onCancel={() => setDisputing(false)}
      />
    </View>
  );
}

function Contract({ data }: { data: TransferDetail }) {
  return (
    <View className='kc-card'>
      <View className='kc-row'>
        <Text className='kc-transfer__title'>{TRANSFER_KIND_LABELS[data.kind]}合同</Text>
        <View>
          <TransferStatusTag status={data.status} />
        </View>
      </View>
      <View className='kc-transfer__amount'>{formatYuan(data.amount)}</View>
      <View className='kc-transfer__facts'>
        <Text>技术合同登记编号：{data.contractNo}</Text>
        <Text>转让方（成果方）：{data.transferor}</Text>
        <Text>受让方（企业）：{data.transferee}</Text>
        <Text>合同金额：{formatYuanExact(data.amount)}</Text>
        <Text>签订日期：{formatDay(data.signedOn)}</Text>
        <Text>
          登记团队：{data.teamName} · {formatDate(data.createdAt)} 登记
        </Text>
      </View>
    </View>
  );
}

function Decision({ data }: { data: TransferDetail }) {
  if (data.decision) {
    const confirmed = data.status === 'confirmed';
    return (
      <View className={confirmed ? 'kc-card kc-banner kc-banner--success' : 'kc-card kc-banner kc-banner--danger'}>
        <View>
          {data.decision.byName} 于 {formatDateTime(data.decision.at)}{' '}
          {confirmed ? '确认合同属实，已计入成果转化' : '提出异议，不计入成果转化'}
        </View>
        {data.decision.reason ? (
          <View>
            {confirmed ? '说明' : '原因'}：{data.decision.reason}
          </View>
        ) : null}
      </View>
    );
  }
  if (data.viewer.canConfirm) {
    return <View className='kc-card kc-muted'>团队登记了这份与你方签订的技术合同，请核对后确认；与合同不符请提出异议并写明原因。</View>;
  }
  // A need-born transfer signed by the need's enterprise: its contacts confirm it without the code.
  const direct = data.needId ? '需求企业的联系人可直接在「待我确认的成果转化」中确认。' : '';
  return <View className='kc-card kc-muted'>等待受让方企业确认。{direct}确认前不计入成果转化合计、反馈函和数据看板。</View>;
}

import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FIRST_RESPONSE_DAYS } from '@core/need-rules';
import { DAY_MS, formatShortDay, shanghaiDay } from '@core/time';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { NeedActions } from './NeedActions';
import { NeedFacts } from './NeedFacts';
import { StatusBand } from './StatusBand';
import { StepList } from './StepList';
import { Thread } from './Thread';
import './index.scss';

type Asking = 'withdraw' | 'release' | null;

const ASK = {
  withdraw: {
    title: '撤回需求',
    hint: '撤回后团组织不再处理这项需求，记录会保留。请写明原因，接单干部会看到。',
    confirmText: '下一步',
  },
  release: {
    title: '转交/放弃接单',
    hint: '需求会回到「待接单」，由本组织的接单干部或管理员重新接单；想交给某位同事，请告诉对方去接单。请写明原因，企业会看到。',
    confirmText: '确认放弃',
  },
} as const;

/** 需求详情: the need, where it stands, every step, the thread with the enterprise, and what the reader may do. */
export default function NeedDetailPage() {
  const needId = useRouter().params.id ?? '';
  const remote = useRemote(() => needService.detail(needId), [needId]);
  const detail = remote.data;
  const { busy, run } = useAction();
  const [asking, setAsking] = useState<Asking>(null);

  const submit = async () => {
    if (!(await confirmStep('提交需求', '提交后团组织会收到并接单；接单前仍可修改。', '提交'))) return;
    await run(() => needService.submit(needId), '已提交', remote.setData);
  };
  const take = async () => {
    const due = formatShortDay(shanghaiDay(Date.now() + FIRST_RESPONSE_DAYS * DAY_MS));
    const asked = `接单后由你负责这项需求，须在 ${FIRST_RESPONSE_DAYS} 天内（${due}前）在留言中首次回复企业；企业会看到这个期限和每一步处理。`;
    if (!(await confirmStep('接单', asked, '接单'))) return;
    await run(() => needService.take(needId), '已接单', remote.setData);
  };
  const onReason = async (reason: string) => {
    const action = asking;
    setAsking(null);
    if (action === 'release') {
      await run(() => needService.release({ needId, reason }), '已放弃接单', remote.setData);
      return;
    }
    if (!detail || !(await confirmStep('撤回需求', `确定撤回「${detail.title}」？撤回后不能再提交，记录会保留。`, '撤回'))) return;
    await run(() => needService.withdraw({ needId, reason }), '已撤回', remote.setData);
  };

  const party = detail ? detail.viewer.isEnterprise || detail.viewer.isCadre : false;
  return (
    <View className='kc-page'>
      <View className='kc-need-detail kc-wide'>
        <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
          {detail ? (
            <>
              <NeedFacts detail={detail} />
              <StatusBand detail={detail} />
              <NeedActions
                detail={detail}
                busy={busy}
                onSubmit={() => void submit()}
                onWithdraw={() => setAsking('withdraw')}
                onTake={() => void take()}
                onRelease={() => setAsking('release')}
              />
              {party ? (
                <View className='kc-columns'>
                  <View className='kc-need-detail__col'>
                    <StepList steps={detail.steps} />
                  </View>
                  <View className='kc-need-detail__col'>
                    <Thread detail={detail} onDetail={remote.setData} />
                  </View>
                </View>
              ) : null}
            </>
          ) : null}
        </PageState>
      </View>
      <ReasonDialog
        visible={asking !== null}
        {...ASK[asking ?? 'withdraw']}
        minLength={2}
        onConfirm={(reason) => void onReason(reason)}
        onCancel={() => setAsking(null)}
      />
    </View>
  );
}

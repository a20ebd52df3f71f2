import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { formatYuan } from '@core/money';
import { TRANSFER_KIND_LABELS } from '@core/need-rules';
import { createTransferInput } from '@core/schemas/transfer';
import { shanghaiDay } from '@core/time';
import { DraftBanner } from '@/components/DraftBanner';
import { PageState } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { transferService } from '@/services/transfer';
import { BLANK, basisKey, extraErrors, toInput, type TransferFormValue } from './form';
import { TransferForm } from './TransferForm';
import './index.scss';

/** 登记成果转化: the team's leader records a technology contract; the enterprise party confirms it later. */
export default function TransferEditPage() {
  const { teamId = '', achievementId, challengeId } = useRouter().params;
  const options = useRemote(() => transferService.basisOptions(teamId), [teamId]);
  // Opened from an achievement or a challenge: that is what the contract is based on, unless a draft says otherwise.
  const preset = useMemo<TransferFormValue | null>(() => {
    if (achievementId) return { ...BLANK, basis: basisKey({ kind: 'achievement', id: achievementId }) };
    if (challengeId) return { ...BLANK, basis: basisKey({ kind: 'challenge', id: challengeId }) };
    return null;
  }, [achievementId, challengeId]);
  const draft = useStoredDraft<TransferFormValue>(`transfer.new.${teamId}`, BLANK, preset);
  const { errors, check, setErrors } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const today = shanghaiDay(Date.now());
  const value = draft.value;

  const submit = async () => {
    if (saving) return;
    const extra = extraErrors(value, today);
    const checked = check(createTransferInput, toInput(value, teamId, draft.requestId));
    if (Object.keys(extra).length) {
      setErrors((shown) => ({ ...shown, ...extra }));
      if (checked) toastFailure({ ok: false, code: 'INVALID_INPUT', message: Object.values(extra)[0] });
      return;
    }
    if (!checked) return;
    const what = `${TRANSFER_KIND_LABELS[checked.kind]}合同 ${checked.contractNo}（${formatYuan(checked.amount)}）`;
    const asked = await confirmStep(
      '登记成果转化',
      `登记${what}？登记后会生成确认码，受让方企业确认后才计入成果转化；登记后不能修改，如有错误请企业提出异议后重新登记。`,
      '登记',
    );
    if (!asked) return;
    setSaving(true);
    const result = await transferService.create(checked);
    setSaving(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    await Taro.showToast({ title: '已登记', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/transfer/detail/index?id=${result.data.id}` });
  };

  const empty = options.data?.length === 0;
  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState
          loading={options.loading}
          error={options.error}
          onRetry={options.reload}
          empty={empty}
          emptyTitle='还没有可以登记转化的成果'
          emptyDescription='成果转化要以团组织确认过的成果，或本队夺榜、完成的榜单为依据。'
          emptyAction={
            <Button size='small' onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          }
        >
          {options.data ? (
            <>
              <View className='kc-card kc-banner'>
                合同须由受让方企业确认：登记后生成确认码，交给受让方的企业联系人；对方须以合同上的企业名称完成企业认证后才能确认，请按合同填写受让方全称。只有企业确认过的合同才计入成果转化合计、反馈函和数据看板，未确认的只列在旁边。
              </View>
              {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
              <TransferForm value={value} options={options.data} today={today} errors={errors} onChange={draft.update} />
              <Button type='primary' block loading={saving} onClick={() => void submit()}>
                登记
              </Button>
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}

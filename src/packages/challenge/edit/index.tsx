import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { ok, type Result } from '@core/errors';
import { createChallengeInput, updateChallengeInput } from '@core/schemas/challenge';
import { DAY_MS, shanghaiDay } from '@core/time';
import type { ChallengeDetail } from '@core/views';
import { DraftBanner } from '@/components/DraftBanner';
import { FormRow, SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { challengeService } from '@/services/challenge';
import { organizedOrgs, useUserStore } from '@/stores/useUserStore';
import { ChallengeForm, type ChallengeFormValue } from './ChallengeForm';
import './index.scss';

function blank(now: number): ChallengeFormValue {
  return {
    title: '',
    field: '',
    issuerUnit: '',
    issuerContact: '',
    issuerPhone: '',
    background: '',
    targets: [{ indicator: '', value: '', unit: '' }],
    deliverables: '',
    claimDeadline: shanghaiDay(now + 14 * DAY_MS),
    deliveryDeadline: shanghaiDay(now + 180 * DAY_MS),
    mode: 'race',
    maxTeams: 3,
    reward: '',
  };
}

function fromDetail(detail: ChallengeDetail): ChallengeFormValue {
  return {
    title: detail.title,
    field: detail.field,
    issuerUnit: detail.issuerUnit,
    issuerContact: detail.issuerContact,
    issuerPhone: detail.issuerPhone ?? '',
    background: detail.background,
    targets: detail.targets,
    deliverables: detail.deliverables,
    claimDeadline: shanghaiDay(detail.claimDeadline),
    deliveryDeadline: shanghaiDay(detail.deliveryDeadline),
    mode: detail.mode,
    maxTeams: detail.places,
    reward: detail.reward,
  };
}

export default function EditChallengePage() {
  const challengeId = useRouter().params.id ?? '';
  const me = useUserStore((state) => state.me);
  const orgs = organizedOrgs(me);
  const existing = useRemote(
    (): Promise<Result<ChallengeDetail | null>> => (challengeId ? challengeService.detail(challengeId) : Promise.resolve(ok(null))),
    [challengeId],
  );
  // A new challenge is kept on the phone as it is typed; an existing one comes from the server each time.
  const draft = useStoredDraft<ChallengeFormValue>(
    challengeId ? null : 'challenge.new',
    blank(Date.now()),
    existing.data ? fromDetail(existing.data) : null,
  );
  const value = draft.value;
  const { errors, check } = useFormErrors();
  const [leagueOrgId, setLeagueOrgId] = useState(orgs[0]?.id ?? '');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (challengeId) void Taro.setNavigationBarTitle({ title: '修改榜单' });
  }, [challengeId]);

  /** Check the form with the shared schema, then create the draft or update the challenge. */
  function send(): Promise<Result<ChallengeDetail>> | null {
    const fields = { ...value, maxTeams: value.mode === 'single' ? 1 : value.maxTeams };
    if (challengeId) {
      const checked = check(updateChallengeInput, { ...fields, challengeId });
      return checked && challengeService.update(checked);
    }
    const checked = check(createChallengeInput, { ...fields, leagueOrgId, requestId: draft.requestId });
    return checked && challengeService.create(checked);
  }

  const save = async () => {
    if (saving) return;
    const sending = send();
    if (!sending) return;
    setSaving(true);
    const result = await sending;
    setSaving(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    await Taro.showToast({ title: challengeId ? '已保存' : '已存为草稿', icon: 'success' });
    if (challengeId) void Taro.navigateBack();
    else void Taro.redirectTo({ url: `/packages/challenge/detail/index?id=${result.data.id}` });
  };

  const published = Boolean(existing.data && existing.data.status !== 'draft');
  return (
    <View className='kc-page'>
      <PageState loading={existing.loading} error={existing.error} onRetry={existing.reload}>
        {published ? (
          <View className='kc-card kc-banner'>榜单已发布：考核指标和日期的修改会记入变更记录，并通知已揭榜的队伍。</View>
        ) : (
          <View className='kc-card kc-muted'>先存为草稿，检查无误后在榜单页「发榜」。发榜后所有突击队都能看到并揭榜。</View>
        )}
        {!challengeId ? (
          <View className='kc-card'>
            <FormRow label='发榜团组织' required>
              <SelectField options={orgs} value={leagueOrgId} placeholder='请选择' onPick={setLeagueOrgId} />
            </FormRow>
          </View>
        ) : null}
        {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
        <ChallengeForm value={value} published={published} today={shanghaiDay(Date.now())} errors={errors} onChange={draft.update} />
        <Button type='primary' block loading={saving} onClick={save}>
          {challengeId ? '保存修改' : '存为草稿'}
        </Button>
      </PageState>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { DraftBanner } from '@/components/DraftBanner';
import { applyTeamInput } from '@core/schemas/team';
import { PageState } from '@/components/PageState';
import { TeamForm, type TeamFormValue } from '@/components/TeamForm';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { requestSubscribe } from '@/services/cloud';
import { teamService } from '@/services/team';
import { useUserStore } from '@/stores/useUserStore';

export default function ApplyTeamPage() {
  const me = useUserStore((state) => state.me);
  const orgs = useRemote(() => teamService.orgOptions());
  const [submitting, setSubmitting] = useState(false);
  const { errors, check } = useFormErrors();
  const draft = useStoredDraft<TeamFormValue>('team.apply', {
    name: '',
    field: '',
    intro: '',
    unitName: me?.unitName ?? '',
    leagueOrgId: '',
    partyOrgId: '',
    crossUnit: false,
  });
  const value = draft.value;

  const submit = async () => {
    if (submitting) return;
    // Check first, then ask before any await: WeChat only shows the subscription dialog inside the tap.
    const checked = check(applyTeamInput, { ...value, requestId: draft.requestId });
    if (!checked) return;
    const consent = requestSubscribe(['teamReviewed']);
    setSubmitting(true);
    await consent;
    const result = await teamService.apply(checked);
    setSubmitting(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    await Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/team/detail/index?id=${result.data.id}` });
  };

  return (
    <View className='kc-page'>
      <View className='kc-card kc-muted'>
        突击队向所属团组织申请备案，审核通过后你将成为队长，可以邀请成员加入。审核结果会通过消息通知你。
      </View>
      {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
      <PageState loading={orgs.loading} error={orgs.error} onRetry={orgs.reload}>
        {orgs.data ? <TeamForm value={value} orgs={orgs.data} leagueOrgEditable errors={errors} onChange={draft.update} /> : null}
      </PageState>
      {me && !me.profileComplete ? (
        <View className='kc-card'>
          <Text>提交前请先</Text>
          <Text style={{ color: '#1f6feb' }} onClick={() => Taro.navigateTo({ url: '/packages/user/profile/index' })}>
            完善真实姓名和所在单位
          </Text>
        </View>
      ) : null}
      <Button type='primary' block loading={submitting} disabled={!orgs.data} onClick={submit}>
        提交申请
      </Button>
    </View>
  );
}

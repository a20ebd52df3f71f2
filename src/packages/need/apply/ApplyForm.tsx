import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { applyEnterpriseInput } from '@core/schemas/need';
import type { OrgOption } from '@core/views';
import type { EnterpriseView } from '@core/views/need';
import { DraftBanner } from '@/components/DraftBanner';
import { FormRow, SelectField } from '@/components/FormRow';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { needService } from '@/services/need';
import { useMe } from '@/stores/useUserStore';
import { NEED_PAGES } from '../components/links';

type ApplyDraft = { orgId: string; enterpriseName: string };

/** The server's refusal names the profile when it lacks what the organizer checks (real name, phone). */
const ASKS_FOR_PROFILE = /资料|真实姓名|手机号/;

export type ApplyFormProps = { leagueOrgs: OrgOption[]; onApplied: (enterprise: EnterpriseView) => void };

/** 申请认证: the league org that confirms, and the enterprise's full name. */
export function ApplyForm({ leagueOrgs, onApplied }: ApplyFormProps) {
  const me = useMe();
  const draft = useStoredDraft<ApplyDraft>('need.apply', { orgId: '', enterpriseName: '' });
  const value = draft.value;
  const { errors, check } = useFormErrors();
  const [sending, setSending] = useState(false);
  const [profileAsked, setProfileAsked] = useState(false);
  const profileMissing = profileAsked || Boolean(me && (!me.realName || !me.phone));

  const send = async () => {
    if (sending) return;
    const checked = check(applyEnterpriseInput, { ...value, requestId: draft.requestId });
    if (!checked) return;
    setSending(true);
    const result = await needService.apply(checked);
    setSending(false);
    if (!result.ok) {
      if (ASKS_FOR_PROFILE.test(result.message)) setProfileAsked(true);
      return toastFailure(result);
    }
    // Sent: nothing to restore, and the next application is a new request.
    draft.discard();
    void Taro.showToast({ title: '已提交，等待团组织确认', icon: 'none' });
    onApplied(result.data);
  };

  return (
    <View className='kc-card'>
      <Text className='kc-apply__title'>申请认证</Text>
      {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
      <FormRow label='团组织' required error={errors.orgId}>
        <SelectField
          options={leagueOrgs}
          value={value.orgId}
          placeholder='企业所在地的团组织'
          onPick={(orgId) => draft.update({ ...value, orgId })}
        />
      </FormRow>
      <FormRow label='企业名称' required error={errors.enterpriseName}>
        <Input
          value={value.enterpriseName}
          onChange={(enterpriseName) => draft.update({ ...value, enterpriseName })}
          placeholder='营业执照上的企业全称'
          maxLength={60}
        />
      </FormRow>
      {profileMissing ? (
        <View className='kc-banner'>
          <Text>团组织要核实申请人的身份，申请前请先</Text>
          <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: NEED_PAGES.profile })}>
            完善真实姓名和手机号
          </Text>
        </View>
      ) : null}
      <View className='kc-actions'>
        <Button type='primary' loading={sending} onClick={send}>
          提交申请
        </Button>
      </View>
    </View>
  );
}

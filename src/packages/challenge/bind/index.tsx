import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { bindReviewerInput } from '@core/schemas/challenge';
import { toastFailure } from '@/hooks/feedback';
import { challengeService } from '@/services/challenge';
import { useFormErrors } from '@/hooks/useFormErrors';
import { FormRow } from '@/components/FormRow';

/** The issuer's contact enters the review code from the organizer and becomes the challenge's co-reviewer. */
export default function BindReviewerPage() {
  const { errors, check } = useFormErrors();
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const checked = check(bindReviewerInput, { code });
    if (!checked) return;
    setSaving(true);
    const result = await challengeService.bindReviewer(checked.code);
    setSaving(false);
    if (!result.ok) return toastFailure(result);
    await Taro.showToast({ title: '绑定成功', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/challenge/detail/index?id=${result.data.id}` });
  };
  return (
    <View className='kc-page'>
      <View className='kc-card kc-muted'>
        出题单位的联系人可以和发榜团组织一起评榜、评审节点。请输入团组织发给你的 8
        位评审码。评审不能涉及你本人所在的突击队。由企业需求转来的榜单的征榜评审专家，请在「我的 → 输入邀请码」中输入 12 位征榜评审码。
      </View>
      <View className='kc-card'>
        <FormRow label='评审码' required error={errors.code}>
          <Input value={code} onChange={setCode} placeholder='8 位评审码' maxLength={8} />
        </FormRow>
      </View>
      <Button type='primary' block loading={saving} onClick={submit}>
        绑定
      </Button>
    </View>
  );
}

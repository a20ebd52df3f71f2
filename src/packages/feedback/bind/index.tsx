import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { bindContactInput } from '@core/schemas/feedback';
import { FormRow } from '@/components/FormRow';
import { toastFailure } from '@/hooks/feedback';
import { feedbackService } from '@/services/feedback';
import { useUserStore } from '@/stores/useUserStore';
import { useFormErrors } from '@/hooks/useFormErrors';

export default function BindContactPage() {
  const { errors, check } = useFormErrors();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const reloadMe = useUserStore((state) => state.load);

  const bind = async () => {
    const checked = check(bindContactInput, { code });
    if (!checked) return;
    setBusy(true);
    const result = await feedbackService.bindContact(checked.code);
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    await reloadMe();
    await Taro.showToast({ title: `已绑定${result.data.partyOrgName}`, icon: 'none' });
    void Taro.redirectTo({ url: '/packages/feedback/letters/index' });
  };

  return (
    <View className='kc-page'>
      <View className='kc-card'>
        <View className='kc-muted'>党组织联系人凭团组织管理员给的 8 位绑定码绑定，之后可以查看并签收发给本党组织的反馈函。</View>
        <FormRow label='绑定码' required error={errors.code}>
          <Input value={code} onChange={setCode} placeholder='8 位字母或数字' maxLength={8} />
        </FormRow>
      </View>
      <Button type='primary' block loading={busy} onClick={bind}>
        绑定
      </Button>
    </View>
  );
}

import { Button as NativeButton, Input as NativeInput, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Avatar, Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { profileFormInput } from '@core/schemas/user';
import { FormRow } from '@/components/FormRow';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { uploadFile } from '@/services/cloud';
import { askPrivacyConsent } from '@/services/privacy';
import { useUserStore } from '@/stores/useUserStore';
import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function ProfilePage() {
  const { me, load, updateProfile } = useUserStore();
  const [nickname, setNickname] = useState(me?.nickname ?? '');
  const [realName, setRealName] = useState(me?.realName ?? '');
  const [unitName, setUnitName] = useState(me?.unitName ?? '');
  const [phone, setPhone] = useState(me?.phone ?? '');
  const [avatarPreview, setAvatarPreview] = useState(me?.avatarUrl ?? '');
  const [avatarFile, setAvatarFile] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { errors, check } = useFormErrors();

  useEffect(() => {
    if (!me) void load();
  }, [me, load]);
  useEffect(askPrivacyConsent, []);
  useEffect(() => {
    if (!me) return;
    setNickname(me.nickname);
    setRealName(me.realName);
    setUnitName(me.unitName);
    setPhone(me.phone);
    setAvatarPreview(me.avatarUrl);
  }, [me]);

  const pickAvatar = async () => {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
    const path = picked?.tempFilePaths[0];
    if (path) {
      setAvatarFile(path);
      setAvatarPreview(path);
    }
  };

  const save = async () => {
    if (saving) return;
    const checked = check(profileFormInput, { ...(nickname.trim() ? { nickname } : {}), realName, unitName, phone });
    if (!checked) return;
    setSaving(true);
    let avatar: string | undefined;
    if (avatarFile) {
      const uploaded = await uploadFile(avatarFile, 'avatars');
      if (!uploaded.ok) {
        setSaving(false);
        return toastFailure(uploaded);
      }
      avatar = uploaded.data;
    }
    const failed = await updateProfile({ ...checked, ...(avatar ? { avatar } : {}) });
    setSaving(false);
    if (failed) return toastFailure(failed);
    await Taro.showToast({ title: '已保存', icon: 'success' });
    void Taro.navigateBack();
  };

  return (
    <View className='kc-page'>
      <View className='kc-card kc-profile__avatar'>
        {isWeapp ? (
          <NativeButton
            className='kc-profile__avatar-button'
            openType='chooseAvatar'
            onChooseAvatar={(e) => {
              setAvatarFile(e.detail.avatarUrl);
              setAvatarPreview(e.detail.avatarUrl);
            }}
          >
            <Avatar size='large' src={avatarPreview} />
          </NativeButton>
        ) : (
          <View onClick={pickAvatar}>
            <Avatar size='large' src={avatarPreview} background='#f3d4d5' color='#c8161d'>
              {(realName || nickname || '头').slice(0, 1)}
            </Avatar>
          </View>
        )}
        <Text className='kc-muted'>点击更换头像</Text>
      </View>
      <View className='kc-card'>
        <FormRow label='昵称' error={errors.nickname}>
          {isWeapp ? (
            <NativeInput
              type='nickname'
              value={nickname}
              placeholder='使用微信昵称或自定义'
              onBlur={(e) => setNickname(e.detail.value)}
              onInput={(e) => setNickname(e.detail.value)}
            />
          ) : (
            <Input value={nickname} onChange={setNickname} placeholder='昵称' />
          )}
        </FormRow>
        <FormRow label='真实姓名' required error={errors.realName}>
          <Input value={realName} onChange={setRealName} placeholder='队伍和团组织看到的姓名' />
        </FormRow>
        <FormRow label='所在单位' required error={errors.unitName}>
          <Input value={unitName} onChange={setUnitName} placeholder='单位全称' />
        </FormRow>
        <FormRow label='手机号' error={errors.phone}>
          <Input value={phone} onChange={setPhone} type='digit' placeholder='仅本队成员和团组织可见（选填）' />
        </FormRow>
      </View>
      <Button type='primary' block loading={saving} onClick={save}>
        保存
      </Button>
    </View>
  );
}

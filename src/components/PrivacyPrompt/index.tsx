import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import './index.scss';

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

/**
 * WeChat asks the mini program to show its privacy notice before the first privacy-related API
 * (choosing an avatar, the nickname field). Only weapp has this; elsewhere it renders nothing.
 */
export function PrivacyPrompt() {
  const [pending, setPending] = useState<Resolve | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const wxApi = (globalThis as unknown as { wx?: { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void } }).wx;
    wxApi?.onNeedPrivacyAuthorization?.((resolve) => setPending(() => resolve));
  }, []);
  if (!pending) return null;
  const done = (event: 'agree' | 'disagree') => {
    pending(event === 'agree' ? { event, buttonId: 'kc-privacy-agree' } : { event });
    setPending(null);
  };
  return (
    <View className='kc-privacy'>
      <View className='kc-privacy__panel'>
        <Text className='kc-privacy__title'>隐私保护提示</Text>
        <Text className='kc-privacy__text'>
          使用头像、昵称等功能前，请阅读并同意
          <Text className='kc-privacy__link' onClick={() => Taro.openPrivacyContract({})}>
            《科创突击队隐私保护指引》
          </Text>
          。我们只把这些信息用于在队伍内展示你的身份。
        </Text>
        <View className='kc-actions'>
          <Button onClick={() => done('disagree')}>拒绝</Button>
          <Button
            id='kc-privacy-agree'
            type='primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => done('agree')}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}

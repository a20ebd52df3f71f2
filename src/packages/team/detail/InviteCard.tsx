import { Button as NativeButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';

export type InviteCardProps = { inviteCode: string };

export const joinPath = (code: string) => `/packages/team/join/index?code=${code}`;

/** The invite code and a way to pass it on: WeChat's share sheet on weapp, a link on H5. */
export function InviteCard({ inviteCode }: InviteCardProps) {
  const copy = (data: string, title: string) => Taro.setClipboardData({ data }).then(() => Taro.showToast({ title, icon: 'success' }));
  const copyLink = () => copy(`${window.location.origin}/#${joinPath(inviteCode)}`, '链接已复制');
  return (
    <View className='kc-card kc-invite'>
      <Text className='kc-muted'>邀请码（成员凭此加入）</Text>
      <Text className='kc-invite__code'>{inviteCode}</Text>
      <View className='kc-actions'>
        <Button size='small' fill='outline' onClick={() => copy(inviteCode, '邀请码已复制')}>
          复制邀请码
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton className='kc-invite__share' openType='share'>
            分享给队员
          </NativeButton>
        ) : (
          <Button size='small' type='primary' onClick={copyLink}>
            复制邀请链接
          </Button>
        )}
      </View>
    </View>
  );
}

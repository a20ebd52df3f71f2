import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@core/time';
import type { IssuedRoleCode } from '@core/views';
import { toastFailure } from '@/hooks/feedback';

/** An expert's code just issued: shown this once (only its hash is kept), with a copy button. */
export function ExpertCodeCard({ issued }: { issued: IssuedRoleCode }) {
  const copy = () =>
    void Taro.setClipboardData({ data: issued.code }).catch(() =>
      toastFailure({ ok: false, code: 'INTERNAL', message: '复制失败，请手动抄下评审码' }),
    );
  return (
    <View className='kc-solicit__code'>
      <Text className='kc-muted'>{issued.label}</Text>
      <Text className='kc-solicit__code-value' userSelect>
        {issued.code}
      </Text>
      <Text className='kc-muted'>有效期至 {formatDateTime(issued.expiresAt)}</Text>
      <View className='kc-banner'>评审码只显示这一次，只能使用一次。请交给专家，在「我的 → 输入邀请码」中输入后即可评审。</View>
      <Button type='primary' size='small' onClick={copy}>
        复制评审码
      </Button>
    </View>
  );
}

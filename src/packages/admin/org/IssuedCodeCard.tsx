import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ORG_CODE_DAYS } from '@core/admin-rules';
import { formatDateTime } from '@core/time';
import type { IssuedCode } from '@core/views';
import { toastFailure } from '@/hooks/feedback';

/** A code just issued: shown big, once (the server keeps only its hash), with a copy button. */
export function IssuedCodeCard({ issued }: { issued: IssuedCode }) {
  const copy = () =>
    void Taro.setClipboardData({ data: issued.code }).catch(() =>
      toastFailure({ ok: false, code: 'INTERNAL', message: '复制失败，请手动抄下邀请码' }),
    );
  return (
    <View className='kc-org-code'>
      <Text className='kc-muted'>「{issued.orgName}」管理员邀请码</Text>
      <Text className='kc-org-code__value' userSelect>
        {issued.code}
      </Text>
      <Text className='kc-muted'>有效期至 {formatDateTime(issued.expiresAt)}</Text>
      <View className='kc-banner'>
        邀请码只显示这一次，离开本页后无法再查看；{ORG_CODE_DAYS} 天内有效，只能使用一次。请交给要成为管理员的人，在「我的 →
        成为团组织管理员」中输入。
      </View>
      <Button type='primary' size='small' onClick={copy}>
        复制邀请码
      </Button>
    </View>
  );
}

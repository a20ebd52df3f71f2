import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_CODE_DAYS, ROLE_CODE_LABELS } from '@core/need-rules';
import { formatDateTime } from '@core/time';
import type { IssuedRoleCode } from '@core/views/need';
import { toastFailure } from '@/hooks/feedback';

/** A role code just issued: shown big, once (the server keeps only its hash), with a copy button. */
export function IssuedRoleCodeCard({ issued }: { issued: IssuedRoleCode }) {
  const copy = () =>
    void Taro.setClipboardData({ data: issued.code }).catch(() =>
      toastFailure({ ok: false, code: 'INTERNAL', message: '复制失败，请手动抄下邀请码' }),
    );
  return (
    <View className='kc-need-code'>
      <Text className='kc-muted'>
        {ROLE_CODE_LABELS[issued.kind]}邀请码：{issued.label}
      </Text>
      <Text className='kc-need-code__value' userSelect>
        {issued.code}
      </Text>
      <Text className='kc-muted'>有效期至 {formatDateTime(issued.expiresAt)}</Text>
      <View className='kc-banner'>
        邀请码只显示这一次，离开本页后无法再查看；{ROLE_CODE_DAYS[issued.kind]} 天内有效，只能使用一次。请交给对方，在「我的 →
        输入邀请码」中输入。
      </View>
      <Button type='primary' size='small' onClick={copy}>
        复制邀请码
      </Button>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { formatDateTime } from '@core/time';
import { toastFailure } from '@/hooks/feedback';
import './index.scss';

export type OneTimeCodeProps = {
  /** What the code is for, above it. */
  caption: ReactNode;
  /** As shown and copied, e.g. ABCD-EFGH-JKLM. */
  code: string;
  expiresAt: number;
  /** Who to give it to and where they enter it. */
  note: ReactNode;
  /** 邀请码 / 评审码 / 确认码: names the copy button and its failure. */
  noun: string;
};

/** Copies text to the clipboard; a refusal (no permission, H5 without a secure context) says what to do instead. */
export function copyText(text: string, noun: string): void {
  void Taro.setClipboardData({ data: text }).catch(() =>
    toastFailure({ ok: false, code: 'INTERNAL', message: `复制失败，请手动抄下${noun}` }),
  );
}

/** A one-time code shown big (the server keeps only its hash), its expiry, how to use it, and a copy button. */
export function OneTimeCode({ caption, code, expiresAt, note, noun }: OneTimeCodeProps) {
  return (
    <View className='kc-one-time-code'>
      <Text className='kc-muted'>{caption}</Text>
      <Text className='kc-one-time-code__value' userSelect>
        {code}
      </Text>
      <Text className='kc-muted'>有效期至 {formatDateTime(expiresAt)}</Text>
      <View className='kc-banner'>{note}</View>
      <Button type='primary' size='small' onClick={() => copyText(code, noun)}>
        复制{noun}
      </Button>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { toastFailure } from '@/hooks/feedback';

/** Copies text to the clipboard; a refusal (no permission, H5 without a secure context) says what to do instead. */
export function copyText(text: string, what: string): void {
  void Taro.setClipboardData({ data: text }).catch(() =>
    toastFailure({ ok: false, code: 'INTERNAL', message: `复制失败，请手动抄下${what}` }),
  );
}

import Taro from '@tarojs/taro';
import type { Failure } from '@core/errors';

export function toastFailure(failure: Failure): void {
  void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
}

export function toastDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}

/** A confirmation before a step that cannot be undone by the user alone. */
export async function confirmStep(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#c8161d' });
  return confirm;
}

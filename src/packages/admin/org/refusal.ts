import Taro from '@tarojs/taro';
import { isRetryable, type Failure } from '@core/errors';
import { toastFailure } from '@/hooks/feedback';

/**
 * The server's reason for refusing a change to the tree, in full: a toast shows two lines at most
 * in WeChat, and these reasons name orgs and say what to do first. A passing failure stays a toast.
 */
export function explainRefusal(title: string, failure: Failure): void {
  if (isRetryable(failure.code)) return toastFailure(failure);
  void Taro.showModal({ title, content: failure.message, showCancel: false, confirmText: '知道了' });
}

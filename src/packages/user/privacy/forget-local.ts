/** After the account is deleted, nothing of it stays on the phone: drafts, queued logs, cached teams and profile. */
import Taro from '@tarojs/taro';
import { useProgressQueue } from '@/stores/useProgressQueue';
import { useTeamStore } from '@/stores/useTeamStore';
import { useUserStore } from '@/stores/useUserStore';

/** Everything the app stores on the phone is under this prefix (services/draft-storage.ts, stores/useProgressQueue.ts). */
const APP_PREFIX = 'kc.';

export function forgetLocalData(): void {
  try {
    for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith(APP_PREFIX)) Taro.removeStorageSync(key);
  } catch {
    // Storage unavailable: there is nothing kept to forget.
  }
  useProgressQueue.getState().load();
  useTeamStore.setState({ mine: null, details: {}, mineError: null });
  useUserStore.setState({ me: null, todo: null, error: null });
}

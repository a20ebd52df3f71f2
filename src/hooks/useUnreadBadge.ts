import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useInboxStore } from '@/stores/useInboxStore';

const ME_TAB_INDEX = 3;

/** Keep the unread count on the 我的 tab; used by every tab page. */
export function useUnreadBadge(): void {
  const unread = useInboxStore((state) => state.unread);
  const refreshUnread = useInboxStore((state) => state.refreshUnread);
  useDidShow(() => {
    void refreshUnread();
  });
  useEffect(() => {
    const update =
      unread > 0
        ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
        : Taro.removeTabBarBadge({ index: ME_TAB_INDEX });
    update.catch(() => undefined);
  }, [unread]);
}

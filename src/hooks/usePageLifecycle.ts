import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

export type PageLifecycle = {
  /** Loads what the page shows. */
  load: () => Promise<unknown>;
  /** Appends the next page of a list. */
  loadMore?: () => Promise<unknown>;
};

/**
 * The one wiring of a page's data to its lifecycle: `load` runs at first and whenever `deps`
 * change, again when the user comes back to the page (from a page whose action may have changed
 * it), and on pull-down (the spinner stops when it is done); reaching the bottom runs `loadMore`.
 */
export function usePageLifecycle({ load, loadMore }: PageLifecycle, deps: unknown[] = []): void {
  const latest = useRef({ load, loadMore });
  latest.current = { load, loadMore };

  useEffect(() => {
    void latest.current.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  // Only a return to a page that was hidden reloads; its first showing is the load above.
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void latest.current.load();
  });

  usePullDownRefresh(() => {
    void latest.current.load().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore?.();
  });
}

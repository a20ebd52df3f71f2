import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, Result } from '@core/errors';

/**
 * Page-local data from one cloud call: loading and error states, reload, pull-to-refresh, and a
 * quiet reload when the page shows again (coming back from a page whose action changed it).
 */
export function useRemote<T>(fetcher: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(fetcher);
  latest.current = fetcher;

  const hidden = useRef(false);
  const hasData = useRef(false);

  const reload = useCallback(async () => {
    // Keep what is on screen while a reload runs; only a first load shows the loading state.
    if (!hasData.current) setLoading(true);
    const result = await latest.current();
    if (result.ok) {
      hasData.current = true;
      setData(result.data);
      setError(null);
    } else if (!hasData.current) setError(result); // a failed quiet reload keeps what is on screen
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  // Only a return to a page that was hidden reloads; its first showing is the initial load above.
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void reload();
  });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, error, loading, reload, setData };
}

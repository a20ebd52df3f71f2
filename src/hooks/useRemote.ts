import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, Result } from '@core/errors';

/** Page-local data from one cloud call: loading and error states, reload, and pull-to-refresh. */
export function useRemote<T>(fetcher: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(fetcher);
  latest.current = fetcher;

  const reload = useCallback(async () => {
    setLoading(true);
    const result = await latest.current();
    if (result.ok) {
      setData(result.data);
      setError(null);
    } else setError(result);
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, error, loading, reload, setData };
}

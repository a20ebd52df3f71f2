import { useCallback, useRef, useState } from 'react';
import type { Failure, Result } from '@core/errors';
import { usePageLifecycle } from './usePageLifecycle';

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

  usePageLifecycle({ load: reload }, deps);

  return { data, error, loading, reload, setData };
}

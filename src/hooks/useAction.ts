import { useCallback, useState } from 'react';
import type { Failure, Result } from '@core/errors';
import { toastDone, toastFailure } from './feedback';

/** One change at a time from a page: busy while it runs, a toast either way, the new data on success. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>, done: string, onData: (data: T) => void): Promise<Failure | null> => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      toastFailure(result);
      return result;
    }
    toastDone(done);
    onData(result.data);
    return null;
  }, []);
  return { busy, run };
}

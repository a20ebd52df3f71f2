import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageCursor } from '@core/cursor';
import type { Failure, Result } from '@core/errors';

type Page = { items: unknown[]; nextCursor: PageCursor | null };

/**
 * A page-local cursor-paged list: loads when shown and when `deps` change, pull-to-refresh
 * reloads, reaching the bottom appends the next page.
 */
export function usePaged<P extends Page>(fetchPage: (cursor: PageCursor | null) => Promise<Result<P>>, deps: unknown[] = []) {
  const [page, setPage] = useState<P | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef({ fetchPage, page });
  latest.current = { fetchPage, page };

  const load = useCallback(async (more = false) => {
    const current = latest.current.page;
    if (more && !current?.nextCursor) return;
    setLoading(true);
    const result = await latest.current.fetchPage(more ? (current?.nextCursor ?? null) : null);
    setLoading(false);
    if (!result.ok) return setError(result);
    setError(null);
    setPage(more && current ? { ...result.data, items: [...current.items, ...result.data.items] } : result.data);
  }, []);

  const shown = useRef(false);
  useDidShow(() => {
    // The first show is covered by the deps effect; later shows (coming back) refresh.
    if (shown.current) void load();
    shown.current = true;
  });
  useEffect(() => {
    setPage(null);
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (!loading) void load(true);
  });

  const reload = () => void load();
  /** What PageState needs: loading and errors only before there is a page to show. */
  const state = { loading: loading && !page, error: page ? null : error, onRetry: reload, empty: page?.items.length === 0 };
  return { page, loading, reload, state };
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PageCursor } from '@core/cursor';
import type { Result } from '@core/errors';
import { createLocalPagedStore } from '@/stores/paged';
import { usePageLifecycle } from './usePageLifecycle';

type Page = { items: unknown[]; nextCursor: PageCursor | null };

/**
 * A page-local cursor-paged list (the same paging as the shared lists, in a store of its own):
 * loads at first and when `deps` change, reloads when returned to and on pull-down, and reaching
 * the bottom appends the next page.
 */
export function usePaged<P extends Page>(fetchPage: (cursor: PageCursor | null) => Promise<Result<P>>, deps: unknown[] = []) {
  const latest = useRef(fetchPage);
  latest.current = fetchPage;
  const [store] = useState(() => createLocalPagedStore((cursor) => latest.current(cursor)));
  const { first, items, nextCursor, loading, error, loadFirst, loadMore } = useStore(store);

  // A new query starts from the loading state rather than showing the previous query's list.
  useEffect(() => {
    store.setState({ items: [], first: null, nextCursor: null, loaded: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  usePageLifecycle({ load: loadFirst, loadMore }, deps);

  const page = useMemo(() => (first ? { ...first, items, nextCursor } : null), [first, items, nextCursor]);
  const reload = () => void loadFirst();
  /** What PageState needs: loading and errors only before there is a page to show. */
  const state = { loading: !page, error: page ? null : error, onRetry: reload, empty: page?.items.length === 0 };
  return { page, loading, reload, state };
}

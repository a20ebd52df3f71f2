import { act, render, screen } from '@testing-library/react';
import type { Result } from '../../core/errors';
import { usePageLifecycle, type PageLifecycle } from '../../src/hooks/usePageLifecycle';
import { usePaged } from '../../src/hooks/usePaged';
import { fire, stopPullDown } from './page-driver';

jest.mock('@tarojs/taro', () => jest.requireActual('./page-driver').taroDrivenByHand());

function Page({ lifecycle, query }: { lifecycle: PageLifecycle; query: string }) {
  usePageLifecycle(lifecycle, [query]);
  return null;
}

describe('usePageLifecycle', () => {
  it('loads at first, when the query changes and when the page is returned to, not on every show', async () => {
    const lifecycle = { load: jest.fn(async () => undefined) };
    const { rerender } = render(<Page lifecycle={lifecycle} query='a' />);
    await fire('show'); // the first showing is the initial load
    expect(lifecycle.load).toHaveBeenCalledTimes(1);
    await fire('hide');
    await fire('show');
    expect(lifecycle.load).toHaveBeenCalledTimes(2);
    await fire('show');
    expect(lifecycle.load).toHaveBeenCalledTimes(2);
    rerender(<Page lifecycle={lifecycle} query='b' />);
    expect(lifecycle.load).toHaveBeenCalledTimes(3);
  });

  it('reloads on pull-down and stops the spinner when the reload is done; the bottom loads more', async () => {
    let finish = () => {};
    const lifecycle = { load: jest.fn(() => new Promise<void>((resolve) => (finish = resolve))), loadMore: jest.fn(async () => undefined) };
    render(<Page lifecycle={lifecycle} query='a' />);
    stopPullDown.mockClear();
    await fire('pullDown');
    expect(lifecycle.load).toHaveBeenCalledTimes(2);
    expect(stopPullDown).not.toHaveBeenCalled();
    await act(async () => finish());
    expect(stopPullDown).toHaveBeenCalledTimes(1);
    await fire('reachBottom');
    expect(lifecycle.loadMore).toHaveBeenCalledTimes(1);
  });
});

type Letters = { items: string[]; nextCursor: string | null };

function List({ scope, fetchPage }: { scope: string; fetchPage: (scope: string, cursor: string | null) => Promise<Result<Letters>> }) {
  const list = usePaged((cursor) => fetchPage(scope, cursor), [scope]);
  return <div>{list.state.loading ? '加载中' : list.page?.items.join('、')}</div>;
}

describe('usePaged', () => {
  it('appends the next page at the bottom and drops the answer for a scope the page has left', async () => {
    let answerOld = (_page: Letters) => {};
    const fetchPage = jest.fn(async (scope: string, cursor: string | null): Promise<Result<Letters>> => {
      if (scope === 'old') return { ok: true, data: await new Promise<Letters>((resolve) => (answerOld = resolve)) };
      return { ok: true, data: cursor ? { items: ['乙'], nextCursor: null } : { items: ['甲'], nextCursor: '1.a' } };
    });
    const { rerender } = render(<List scope='old' fetchPage={fetchPage} />);
    expect(screen.getByText('加载中')).toBeTruthy();
    await act(async () => rerender(<List scope='new' fetchPage={fetchPage} />));
    expect(screen.getByText('甲')).toBeTruthy();
    await act(async () => answerOld({ items: ['旧'], nextCursor: null }));
    expect(screen.getByText('甲')).toBeTruthy();
    await fire('reachBottom');
    expect(screen.getByText('甲、乙')).toBeTruthy();
    expect(fetchPage.mock.calls).toEqual([
      ['old', null],
      ['new', null],
      ['new', '1.a'],
    ]);
  });
});

/**
 * A page's lifecycle driven by hand: `jest.mock('@tarojs/taro', () => jest.requireActual('./page-driver').taroDrivenByHand())`
 * makes each lifecycle hook keep the page's latest handler, which `fire` then runs.
 */
import { act } from '@testing-library/react';

export const pageHandlers: Record<string, () => void> = {};
export const stopPullDown = jest.fn();

export function taroDrivenByHand() {
  const actual = jest.requireActual('@tarojs/taro');
  const on = (event: string) => (handler: () => void) => {
    pageHandlers[event] = handler;
  };
  const hooks = { useDidShow: on('show'), useDidHide: on('hide'), usePullDownRefresh: on('pullDown'), useReachBottom: on('reachBottom') };
  return { __esModule: true, ...actual, ...hooks, default: { ...actual.default, ...hooks, stopPullDownRefresh: () => stopPullDown() } };
}

export async function fire(event: string): Promise<void> {
  await act(async () => pageHandlers[event]());
}

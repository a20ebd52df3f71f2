import type { RoleCodeKind } from '@core/need-rules';

/** The need pages' addresses, in one place. */
export const NEED_PAGES = {
  mine: '/packages/need/mine/index',
  apply: '/packages/need/apply/index',
  redeem: '/packages/need/redeem/index',
  board: '/packages/need/board/index',
  queue: '/packages/need/queue/index',
  profile: '/packages/user/profile/index',
} as const;

export const needDetailUrl = (needId: string) => `/packages/need/detail/index?id=${needId}`;
export const needEditUrl = (needId?: string) => (needId ? `/packages/need/edit/index?id=${needId}` : '/packages/need/edit/index');

/** Where a redeemed code leads next: the page of what it bound the user to. */
export function nextStepOf(kind: RoleCodeKind, scopeId: string): { label: string; url: string } {
  switch (kind) {
    case 'enterprise':
      return { label: '我的需求', url: NEED_PAGES.mine };
    case 'cadre':
      return { label: '需求接单', url: NEED_PAGES.queue };
    case 'expert':
      return { label: '去评审征榜', url: `/packages/challenge/solicit/index?id=${scopeId}` };
    case 'transfer':
      return { label: '查看成果转化', url: `/packages/transfer/detail/index?id=${scopeId}` };
  }
}

import type { TraceEntry } from '@core/views/need';

import { needDetailUrl } from '../components/links';

export const needTraceUrl = (needId: string) => `/packages/need/trace/index?id=${needId}`;
export const challengeDetailUrl = (challengeId: string) => `/packages/challenge/detail/index?id=${challengeId}`;

/** The page that shows one entry of a need's line, with its query. */
export function traceEntryUrl(link: NonNullable<TraceEntry['link']>): string {
  switch (link.page) {
    case 'need':
      return needDetailUrl(link.id);
    case 'challenge':
      return challengeDetailUrl(link.id);
    case 'claim':
      return `/packages/challenge/claim/index?challengeId=${link.id}&teamId=${link.teamId ?? ''}`;
    case 'achievement':
      return `/packages/achievement/detail/index?id=${link.id}`;
    case 'transfer':
      return `/packages/transfer/detail/index?id=${link.id}`;
  }
}

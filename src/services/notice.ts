import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'notice'>> = ActionInput<'notice', A>;

export const noticeService = {
  publish: (input: In<'publish'>) => callCloud('notice', 'publish', input),
  list: (input: In<'list'>) => callCloud('notice', 'list', input),
  detail: (noticeId: string) => callCloud('notice', 'detail', { noticeId }),
  ack: (noticeId: string) => callCloud('notice', 'ack', { noticeId }),
  stats: (noticeId: string) => callCloud('notice', 'stats', { noticeId }),
  remind: (noticeId: string) => callCloud('notice', 'remind', { noticeId }),
};

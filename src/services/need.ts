import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'need'>> = ActionInput<'need', A>;

/** 企业点单 → 干部接单: role codes, enterprises, needs, the cadres' side, the thread and the whole line. */
export const needService = {
  issueCode: (input: In<'issueCode'>) => callCloud('need', 'issueCode', input),
  redeemCode: (code: string) => callCloud('need', 'redeemCode', { code }),
  apply: (input: In<'apply'>) => callCloud('need', 'apply', input),
  applications: (orgId: string) => callCloud('need', 'applications', { orgId }),
  decideApplication: (input: In<'decideApplication'>) => callCloud('need', 'decideApplication', input),
  myEnterprises: () => callCloud('need', 'myEnterprises', {}),
  save: (input: In<'save'>) => callCloud('need', 'save', input),
  submit: (needId: string) => callCloud('need', 'submit', { needId }),
  withdraw: (input: In<'withdraw'>) => callCloud('need', 'withdraw', input),
  mine: () => callCloud('need', 'mine', {}),
  board: (input: In<'board'>) => callCloud('need', 'board', input),
  detail: (needId: string) => callCloud('need', 'detail', { needId }),
  queue: (input: In<'queue'>) => callCloud('need', 'queue', input),
  take: (needId: string) => callCloud('need', 'take', { needId }),
  release: (input: In<'release'>) => callCloud('need', 'release', input),
  message: (input: In<'message'>) => callCloud('need', 'message', input),
  teamOptions: (needId: string) => callCloud('need', 'teamOptions', { needId }),
  decide: (input: In<'decide'>) => callCloud('need', 'decide', input),
  trace: (needId: string) => callCloud('need', 'trace', { needId }),
};

import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'transfer'>> = ActionInput<'transfer', A>;

/** 成果转化 records, their confirmation by the other party, and the 科技成果库. */
export const transferService = {
  basisOptions: (teamId: string) => callCloud('transfer', 'basisOptions', { teamId }),
  create: (input: In<'create'>) => callCloud('transfer', 'create', input),
  teamTransfers: (teamId: string) => callCloud('transfer', 'teamTransfers', { teamId }),
  detail: (transferId: string) => callCloud('transfer', 'detail', { transferId }),
  pending: () => callCloud('transfer', 'pending', {}),
  confirm: (input: In<'confirm'>) => callCloud('transfer', 'confirm', input),
  library: (input: In<'library'>) => callCloud('transfer', 'library', input),
  interest: (input: In<'interest'>) => callCloud('transfer', 'interest', input),
  interests: (orgId: string) => callCloud('transfer', 'interests', { orgId }),
  forwardInterest: (input: In<'forwardInterest'>) => callCloud('transfer', 'forwardInterest', input),
};

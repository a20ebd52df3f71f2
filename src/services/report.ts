import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'report'>> = ActionInput<'report', A>;

export const reportService = {
  submit: (input: In<'submit'>) => callCloud('report', 'submit', input),
  list: (input: In<'list'>) => callCloud('report', 'list', input),
  decide: (input: In<'decide'>) => callCloud('report', 'decide', input),
};

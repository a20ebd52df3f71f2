import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'feedback'>> = ActionInput<'feedback', A>;

export const feedbackService = {
  partyOrgs: () => callCloud('feedback', 'partyOrgs', {}),
  contactCode: (partyOrgId: string) => callCloud('feedback', 'contactCode', { partyOrgId }),
  bindContact: (code: string) => callCloud('feedback', 'bindContact', { code }),
  candidates: (input: In<'candidates'>) => callCloud('feedback', 'candidates', input),
  issue: (input: In<'issue'>) => callCloud('feedback', 'issue', input),
  letters: (input: In<'letters'>) => callCloud('feedback', 'letters', input),
  letter: (letterId: string) => callCloud('feedback', 'letter', { letterId }),
  acknowledge: (letterId: string, reply: string) => callCloud('feedback', 'acknowledge', { letterId, reply }),
  verify: (refCode: string) => callCloud('feedback', 'verify', { refCode }),
};

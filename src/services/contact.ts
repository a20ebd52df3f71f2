import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'contact'>> = ActionInput<'contact', A>;

/** 直接联系: an org's cycles and chosen teams, the contact records and the opinions followed up. */
export const contactService = {
  ledger: (input: In<'ledger'>) => callCloud('contact', 'ledger', input),
  startCycle: (input: In<'startCycle'>) => callCloud('contact', 'startCycle', input),
  chooseTeams: (input: In<'chooseTeams'>) => callCloud('contact', 'chooseTeams', input),
  dropTeam: (input: In<'dropTeam'>) => callCloud('contact', 'dropTeam', input),
  addRecord: (input: In<'addRecord'>) => callCloud('contact', 'addRecord', input),
  teamContacts: (teamId: string) => callCloud('contact', 'teamContacts', { teamId }),
  updateOpinion: (input: In<'updateOpinion'>) => callCloud('contact', 'updateOpinion', input),
  cycleSummary: (input: In<'cycleSummary'>) => callCloud('contact', 'cycleSummary', input),
};

/** 直接联系: the teams an org contacts directly in a cycle, the contact records, and the opinions followed up. */
import type { Handlers } from '../../runtime/function';
import { chooseTeams, dropTeam, ledger, startCycle } from './ledger';
import { updateOpinion } from './opinions';
import { addRecord } from './records';
import { cycleSummary } from './summary';
import { teamContacts } from './team-contacts';

export const contactHandlers: Handlers<'contact'> = {
  ledger,
  startCycle,
  chooseTeams,
  dropTeam,
  addRecord,
  teamContacts,
  updateOpinion,
  cycleSummary,
};

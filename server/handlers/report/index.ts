/** 投诉/举报: reports of someone else's content (submit.ts), the organizer's list (list.ts) and decisions (decide.ts). */
import type { Handlers } from '../../runtime/function';
import { decideReport } from './decide';
import { listReports } from './list';
import { submitReport } from './submit';

export const reportHandlers: Handlers<'report'> = {
  submit: submitReport,
  list: listReports,
  decide: decideReport,
};

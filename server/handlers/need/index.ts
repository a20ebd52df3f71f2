/** 企业点单 → 干部接单: role codes, enterprises, needs, the cadres' side, the thread and the line to results. */
import type { Handlers } from '../../runtime/function';
import { cadreHandlers } from './cadre';
import { codeHandlers } from './codes';
import { enterpriseHandlers } from './enterprises';
import { needHandlers as ownHandlers } from './needs';
import { threadHandlers } from './thread';
import { traceHandlers } from './trace';

export const needHandlers: Handlers<'need'> = {
  ...codeHandlers,
  ...enterpriseHandlers,
  ...ownHandlers,
  ...cadreHandlers,
  ...threadHandlers,
  ...traceHandlers,
};

/** The demo world's ids and who plays each persona, from the same seed the local cloud writes. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { DEMO } = require('../../.build/weapp-cloud.cjs');

export const PERSONAS = {
  organizer: DEMO.organizer,
  leaderA: DEMO.leaderA,
  leaderB: DEMO.leaderB,
  memberA: DEMO.memberA,
  applicant: DEMO.applicant,
  partyContact: DEMO.partyContact,
  newcomer: DEMO.newcomer,
  issuer: DEMO.issuer,
  expert: DEMO.expert,
};

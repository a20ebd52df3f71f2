import type { Persona } from '../../core/permissions';
import { DEMO } from '../../devcloud/seed';

/** Each persona is a seeded user standing in that relation to team A. */
export const OPENID: Record<Persona, string> = {
  outsider: DEMO.newcomer,
  member: DEMO.memberA,
  leader: DEMO.leaderA,
  organizer: DEMO.organizer,
  otherOrganizer: DEMO.unitOrganizer,
  partyContact: DEMO.partyContact,
  issuer: DEMO.issuer,
  expert: DEMO.expert,
};

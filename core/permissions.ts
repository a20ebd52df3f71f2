/**
 * Who may call what. Each action names one access rule; the server enforces the rule with data
 * from the database (never from the request). The permission test walks every action against
 * every persona below and expects exactly the personas this table lists.
 */
export type AccessRule =
  'signedIn' | 'organizer' | 'teamOrganizer' | 'teamLeader' | 'teamMember' | 'challengeOrganizer' | 'challengeReviewer' | 'system';

/** Personas relative to one team and one challenge, as the seeded demo world provides them. */
export const PERSONAS = ['outsider', 'member', 'leader', 'organizer', 'otherOrganizer', 'partyContact', 'issuer'] as const;
export type Persona = (typeof PERSONAS)[number];

export const RULE_PERSONAS: Record<AccessRule, readonly Persona[]> = {
  signedIn: PERSONAS,
  organizer: ['organizer', 'otherOrganizer'],
  teamOrganizer: ['organizer'],
  teamLeader: ['leader'],
  teamMember: ['member', 'leader'],
  challengeOrganizer: ['organizer'],
  challengeReviewer: ['organizer', 'issuer'],
  system: [],
};

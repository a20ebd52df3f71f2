/**
 * Who may call what. Each action names one access rule; the server enforces the rule with data
 * from the database (never from the request). The permission test walks every action against
 * every persona below and expects exactly the personas this table lists.
 */
export type AccessRule =
  | 'signedIn'
  | 'organizer'
  | 'teamOrganizer'
  | 'teamLeader'
  | 'teamMember'
  /** A member of the team or an organizer over it: who may read its progress. */
  | 'teamViewer'
  | 'challengeOrganizer'
  | 'challengeReviewer'
  /** Organizer of the league org that runs the event (or of an org above it). */
  | 'eventOrganizer'
  /** A member of one of the teams the event is for. */
  | 'eventAttendee'
  /** Who confirms an achievement: the organizer over its team, or for a claim-linked one the challenge's reviewer. */
  | 'achievementVerifier'
  /** Organizer of the league org over the achievement's team (典型案例). */
  | 'achievementOrganizer'
  /** Organizer of the league org that published the notice (or of an org above it). */
  | 'noticeOrganizer'
  /** The bound contact of the party organization a letter is addressed to. */
  | 'letterContact'
  /** Organizer of the league org that handles a report (the one over the reported content, or above it). */
  | 'reportOrganizer'
  /** The team's leader, or an organizer over the team: who sees its contact records and its audit trail. */
  | 'teamSteward'
  /** Organizer of the org an input names (a league org in their subtree, or a party org attached to one). */
  | 'orgOrganizer'
  /** A contact of the (active) enterprise an input names. */
  | 'enterpriseContact'
  /** A contact of the enterprise that posted the need. */
  | 'needEnterprise'
  /** Who takes needs for the need's league org: its organizers (or above) and the cadres they designated. */
  | 'needCadre'
  /** Either side of a need: its enterprise's contacts or its cadres. */
  | 'needParty'
  /** Organizer of the org an input names, or a cadre designated for it (or for an org above it). */
  | 'orgCadre'
  /** A contact of the enterprise a need-born challenge came from. */
  | 'challengeEnterprise'
  /** A named expert reviewer bound to the challenge's 征榜 review. */
  | 'challengeExpert'
  /** The transfer's team, organizers over it, its bound confirmer and its enterprise's contacts. */
  | 'transferViewer'
  /** The other party of a transfer: its bound confirmer or a contact of its enterprise (never a team member). */
  | 'transferConfirmer'
  | 'system';

/** Personas relative to one team, one challenge and one event, as the seeded demo world provides them. */
/** `issuer` is also the contact of the enterprise behind the demo need; `expert` reviews its 征榜 draft. */
export const PERSONAS = ['outsider', 'member', 'leader', 'organizer', 'otherOrganizer', 'partyContact', 'issuer', 'expert'] as const;
export type Persona = (typeof PERSONAS)[number];

export const RULE_PERSONAS: Record<AccessRule, readonly Persona[]> = {
  signedIn: PERSONAS,
  organizer: ['organizer', 'otherOrganizer'],
  teamOrganizer: ['organizer'],
  teamLeader: ['leader'],
  teamMember: ['member', 'leader'],
  teamViewer: ['member', 'leader', 'organizer'],
  challengeOrganizer: ['organizer'],
  challengeReviewer: ['organizer', 'issuer'],
  eventOrganizer: ['organizer'],
  eventAttendee: ['member', 'leader'],
  achievementVerifier: ['organizer'],
  achievementOrganizer: ['organizer'],
  noticeOrganizer: ['organizer'],
  letterContact: ['partyContact'],
  reportOrganizer: ['organizer'],
  orgOrganizer: ['organizer'],
  teamSteward: ['leader', 'organizer'],
  enterpriseContact: ['issuer'],
  needEnterprise: ['issuer'],
  needCadre: ['organizer'],
  needParty: ['organizer', 'issuer'],
  orgCadre: ['organizer'],
  challengeEnterprise: ['issuer'],
  challengeExpert: ['expert'],
  transferViewer: ['member', 'leader', 'organizer', 'issuer'],
  transferConfirmer: ['issuer'],
  system: [],
};

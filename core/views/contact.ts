import type { ContactKind, OpinionState } from '../contact-rules';

export type OpinionView = {
  id: string;
  text: string;
  state: OpinionState;
  reply: string;
  ownerId: string | null;
  ownerName: string;
  updatedAt: number;
  /** Every step it went through, oldest first (recorded, replied, resolved), with who took it. */
  history: { state: OpinionState; at: number; byName: string; reply: string }[];
};

export type ContactRecordView = {
  id: string;
  teamId: string;
  teamName: string;
  /** The org that made the contact, and the cycle it counts in. */
  orgId: string;
  orgName: string;
  cycle: string;
  kind: ContactKind;
  day: string;
  participants: string;
  notes: string;
  byName: string;
  createdAt: number;
  opinions: OpinionView[];
  /** The caller organizes the contacting org (or one above it): they may follow its opinions up. */
  canFollowUp: boolean;
};

export type LedgerTeam = {
  teamId: string;
  teamName: string;
  leagueOrgName: string;
  lastContactDay: string | null;
  records: number;
  openOpinions: number;
  /** Not contacted for 90 days (or never) in this cycle. */
  stale: boolean;
};

export type Ledger = {
  orgId: string;
  orgName: string;
  /** The cycle shown (its first year), its days, and the cycles the org has had. */
  cycle: { key: string; startDay: string; endDay: string } | null;
  cycles: string[];
  teams: LedgerTeam[];
  /** Registered teams under the org that may be chosen for this cycle. */
  candidates: { teamId: string; teamName: string; leagueOrgName: string }[];
  /** More registered teams exist than one read returns (1,000): the list of candidates is not complete. */
  candidatesCapped: boolean;
};

/** A cycle in which an org the caller organizes contacts this team directly (records may be added to it). */
export type ContactCycleChoice = { orgId: string; orgName: string; cycle: string; startDay: string; endDay: string };

export type TeamContacts = {
  teamId: string;
  teamName: string;
  records: ContactRecordView[];
  /** For an organizer: the cycles they may add a record in; empty for the team's leader. */
  openCycles: ContactCycleChoice[];
  /** For an organizer: who may own an opinion of each contacting org (its organizers and those above), by org id. */
  owners: Record<string, { userId: string; name: string }[]>;
};

export type CycleSummary = {
  orgId: string;
  cycle: string;
  teamsChosen: number;
  teamsContacted: number;
  recordsByKind: Record<ContactKind, number>;
  opinionsByState: Record<OpinionState, number>;
};

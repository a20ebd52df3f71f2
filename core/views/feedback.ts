import type { PageCursor } from '../cursor';
import type { LetterItemKind, LetterStatus, VerifyVerdict } from '../feedback-rules';
import type { TransferKind } from '../need-rules';
import type { EventMode } from '../progress-rules';

export type PartyOrgView = { id: string; name: string; unitName: string; contacts: string[] };

/** How an item was established, as shown: names and orgs, never user ids. */
export type LetterBasisView = { kind: 'person' | 'makeup'; byName: string; orgName: string } | { kind: 'system'; method: EventMode };

export type LetterItemView = {
  id: string;
  kind: LetterItemKind;
  title: string;
  detail: string;
  memberNames: string[];
  basis: LetterBasisView;
  confirmedAt: number;
};

/** A confirmed transfer as a letter shows it: what, with whom, how much, and who confirmed it when. */
export type LetterTransferView = {
  id: string;
  kind: TransferKind;
  contractNo: string;
  transferee: string;
  /** Whole yuan. */
  amount: number;
  signedOn: string;
  confirmedByName: string;
  confirmedAt: number;
};

/** Confirmed records of a team in a period, and where each member's part would go. */
export type LetterCandidates = {
  teamId: string;
  teamName: string;
  crossUnit: boolean;
  items: LetterItemView[];
  /** The team's confirmed transfers in the period: every letter issued for it lists them (they are not picked). */
  transfers: LetterTransferView[];
  /** Party organizations a letter would go to, with the members whose part each receives. */
  recipients: { partyOrgId: string; partyOrgName: string; memberNames: string[]; hasContact: boolean }[];
};

export type LetterCard = {
  id: string;
  refCode: string | null;
  status: LetterStatus;
  teamId: string;
  teamName: string;
  partyOrgName: string;
  period: { from: string; to: string };
  itemCount: number;
  issuedAt: number | null;
  flagged: boolean;
};
export type LetterPage = { items: LetterCard[]; nextCursor: PageCursor | null };

export type LetterDetail = LetterCard & {
  /** The org that signs: the issuing organizer's own league org. */
  orgName: string;
  items: LetterItemView[];
  /** The team's confirmed transfers in the period, as stated when issued. */
  transfers: LetterTransferView[];
  note: string;
  issuedByName: string;
  openedAt: number | null;
  ack: { byName: string; at: number; reply: string } | null;
  viewer: { isContact: boolean; isOrganizer: boolean; canAcknowledge: boolean };
};

export type LetterVerification = {
  refCode: string;
  teamName: string;
  partyOrgName: string;
  /** The org that signed: the issuing organizer's own league org. */
  orgName: string;
  period: { from: string; to: string };
  issuedAt: number;
  status: LetterStatus;
  items: (LetterItemView & { verdict: VerifyVerdict; current: string })[];
  transfers: (LetterTransferView & { verdict: VerifyVerdict; current: string })[];
  /** Every item and every transfer still stands as stated. */
  allSame: boolean;
};

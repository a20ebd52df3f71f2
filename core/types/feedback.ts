import type { LetterItemKind, LetterStatus } from '../feedback-rules';
import type { TransferKind } from '../need-rules';
import type { EventMode } from '../progress-rules';

/** A one-time code an organizer gives a party organization's contact to bind their account. */
export type ContactCode = {
  _id: string;
  partyOrgId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
};

/**
 * How a letter's item was established, stated exactly: confirmed by a named person of a named org,
 * checked by the system at an on-site sign-in (with the checks it made), or a make-up a named person approved.
 */
export type LetterBasis =
  { kind: 'person' | 'makeup'; by: string; byName: string; orgName: string } | { kind: 'system'; method: EventMode };

/** One confirmed record as a letter states it, with how it was established and when. */
export type LetterItem = {
  id: string;
  kind: LetterItemKind;
  refId: string;
  title: string;
  detail: string;
  memberIds: string[];
  memberNames: string[];
  basis: LetterBasis;
  /** When it was confirmed, signed in or approved. */
  confirmedAt: number;
};

/**
 * A confirmed 成果转化 as a letter states it (issue 17 §4: only confirmed transfers count in
 * letters), copied when the letter is issued: later changes to the transfer do not alter it.
 */
export type LetterTransfer = {
  /** The transfer's id. */
  refId: string;
  kind: TransferKind;
  contractNo: string;
  transferee: string;
  /** Whole yuan. */
  amount: number;
  signedOn: string;
  /** Who confirmed it for the enterprise party (someone outside the team), and when. */
  confirmedBy: string;
  confirmedByName: string;
  confirmedAt: number;
};

export type Letter = {
  _id: string;
  /** Set when issued; the key anyone uses to verify the letter. */
  refCode: string | null;
  status: LetterStatus;
  teamId: string;
  teamName: string;
  leagueOrgId: string;
  /** The party organization it is addressed to; null for a quarterly draft, which is split on issue. */
  partyOrgId: string | null;
  /** Ends no later than the day it was issued. */
  period: { from: string; to: string };
  items: LetterItem[];
  /** The team's confirmed transfers in the period; absent on letters issued before transfers were recorded, and on drafts. */
  transfers?: LetterTransfer[];
  note: string;
  /** For a quarterly draft: the quarter it was prepared for. */
  quarter: string | null;
  issuedBy: string | null;
  /** The league org the issuer acted for (their own organizer role's), which signs the letter; null for a draft. */
  issuerOrgId: string | null;
  issuedAt: number | null;
  openedAt: number | null;
  ack: { by: string; at: number; reply: string } | null;
  remindedAt: number | null;
  /** Unacknowledged past the reminder: shown to the organizer. */
  flagged: boolean;
  requestId: string;
  createdAt: number;
};

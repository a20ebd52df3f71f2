import type { Field } from '../fields';
import type {
  BudgetRange,
  EnterpriseStatus,
  ExpertVerdict,
  InterestStatus,
  NeedOutcome,
  NeedStatus,
  NeedStepKind,
  NeedVisibility,
  RoleCodeKind,
  TransferKind,
  TransferStatus,
} from '../need-rules';

/** An enterprise that brings needs, attached to the league org that serves it. */
export type Enterprise = {
  _id: string;
  name: string;
  leagueOrgId: string;
  status: EnterpriseStatus;
  /** Who applied (with their unit) and waits for an organizer; null when created with a code. */
  applicantId: string | null;
  createdBy: string;
  createdAt: number;
  decided: { by: string; at: number; reason: string } | null;
};

/**
 * A one-time code that binds its redeemer: `_id` is the code's hash; the code itself is stored
 * only on a transfer (whose team shows it to the other party).
 */
export type RoleCode = {
  _id: string;
  kind: RoleCodeKind;
  /** enterprise: the enterprise; cadre: the league org; expert: `${challengeId}_${slot}`; transfer: the transfer. */
  scopeId: string;
  /** The org the scope belongs to, for audit and for who may issue. */
  orgId: string;
  /** The team a transfer's code belongs to: its redemption is on the team's trail too. */
  teamId?: string;
  label: string;
  issuedBy: string;
  issuedAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
};

export type NeedStep = { at: number; by: string; kind: NeedStepKind; note: string };

export type Need = {
  _id: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The league org that serves the enterprise: its organizers and cadres take the need. */
  leagueOrgId: string;
  authorId: string;
  requestId: string;
  title: string;
  field: Field;
  problem: string;
  targets: string;
  timeline: string;
  budget: BudgetRange;
  visibility: NeedVisibility;
  contactName: string;
  contactPhone: string;
  status: NeedStatus;
  ownerId: string | null;
  takenAt: number | null;
  /** The first-response deadline set when taken; met when the owner first writes to the enterprise. */
  respondBy: number | null;
  respondedAt: number | null;
  outcome: {
    kind: NeedOutcome;
    reason: string;
    by: string;
    at: number;
    challengeId: string | null;
    teamIds: string[];
    mergedInto: string | null;
  } | null;
  steps: NeedStep[];
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  withdrawn: { by: string; at: number; reason: string } | null;
  contentFlag?: 'review';
};

export type NeedMessage = {
  /** keyedId of the author and request: a retried send writes once. */
  _id: string;
  needId: string;
  authorId: string;
  side: 'enterprise' | 'cadre';
  body: string;
  at: number;
};

/** A need-born challenge's 征榜 record, kept on the challenge. */
export type Solicitation = {
  needId: string;
  enterpriseId: string;
  commitments: { resources: string; reward: string; acceptance: string; by: string; at: number } | null;
  /** Set by the enterprise contact; cleared whenever the commitments change. */
  commitmentsConfirmed: { by: string; at: number } | null;
  experts: ExpertSlot[];
  /** Experts the organizer took off the review, kept on record with why (their slot numbers are never reused). */
  removedExperts?: RemovedExpert[];
};

export type ExpertSlot = {
  slot: number;
  name: string;
  userId: string | null;
  verdict: ExpertVerdict;
  comment: string;
  at: number | null;
  /** The roleCodes id (hash) of the slot's current code: a code issued again for the slot retires the one before. */
  codeId?: string;
};

export type RemovedExpert = ExpertSlot & { removed: { by: string; at: number; reason: string } };

export type Transfer = {
  _id: string;
  teamId: string;
  teamName: string;
  leagueOrgId: string;
  achievementId: string | null;
  challengeId: string | null;
  /** The need the challenge came from, when it did: the line back. */
  needId: string | null;
  /** The enterprise whose contacts may confirm without a code (the need's), when there is one. */
  enterpriseId: string | null;
  kind: TransferKind;
  contractNo: string;
  transferor: string;
  transferee: string;
  /** Whole yuan. */
  amount: number;
  signedOn: string;
  status: TransferStatus;
  /**
   * Kept on the transfer for the team's leader (and the organizers over the team) to show the other
   * party; its hash is the redeemable RoleCode of kind `transfer`.
   */
  confirmCode: string;
  /** When the code stops working (the RoleCode's expiresAt); absent on records made before it was stored. */
  confirmCodeExpiresAt?: number;
  /** Whoever redeemed the code: a contact of a certified enterprise named as the contract's transferee. */
  confirmerId: string | null;
  decision: { by: string; at: number; reason: string; outsideTeam: true } | null;
  createdBy: string;
  requestId: string;
  createdAt: number;
  updatedAt: number;
  contentFlag?: 'review';
};

/**
 * Holds a team's contract number while a transfer of it is not disputed (`_id` derived from the team
 * and the normalized number): two records of one contract sent at once cannot both be written.
 */
export type TransferContract = { _id: string; transferId: string; teamId: string; at: number };

/** An enterprise's interest in a public achievement, carried to the team by its organizer. */
export type Interest = {
  _id: string;
  achievementId: string;
  achievementTitle: string;
  teamId: string;
  leagueOrgId: string;
  enterpriseId: string;
  enterpriseName: string;
  authorId: string;
  message: string;
  status: InterestStatus;
  createdAt: number;
  forwarded: { by: string; at: number; note: string } | null;
  contentFlag?: 'review';
};

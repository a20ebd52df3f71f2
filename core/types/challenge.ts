import type { Field } from '../fields';
import type { Solicitation } from './need';
import type { ChallengeMode, ChallengeStatus, ClaimStatus, MilestoneStatus } from '../challenge-rules';

export type Target = { indicator: string; value: string; unit: string };
export type Decision = { by: string; at: number; reason: string };

export type ChallengeChange = { at: number; by: string; fields: string[]; note: string };

export type Challenge = {
  _id: string;
  title: string;
  field: Field;
  leagueOrgId: string;
  issuer: { unitName: string; contactName: string; contactPhone: string };
  /** The issuer's contact who bound themselves with the review code; reviews alongside the organizer. */
  reviewerId: string | null;
  reviewerCode: string;
  background: string;
  targets: Target[];
  deliverables: string;
  claimDeadline: number;
  deliveryDeadline: number;
  mode: ChallengeMode;
  maxTeams: number;
  reward: string;
  status: ChallengeStatus;
  claimCount: number;
  acceptedCount: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  /** Changes made after publishing, shown to claiming teams. */
  changes: ChallengeChange[];
  cancelled: Decision | null;
  outcome: { result: 'success' | 'failed'; by: string; at: number; summary: string; winners: string[] } | null;
  contentFlag?: 'review';
  /** 征榜 record of a challenge made from an enterprise need (absent on others). */
  solicit?: Solicitation;
  /** Bound expert reviewers' user ids, for 我评审的榜单 (mirrors solicit.experts). */
  expertIds?: string[];
};

export type ProposedMilestone = { title: string; dueAt: number; criterion: string };

export type Claim = {
  /** challengeId_teamId: one claim per team per challenge. */
  _id: string;
  challengeId: string;
  teamId: string;
  teamName: string;
  leaderId: string;
  requestId: string;
  plan: { approach: string; memberIds: string[]; milestones: ProposedMilestone[] };
  status: ClaimStatus;
  appliedAt: number;
  review: Decision | null;
  /** How the claim ended (stop reason, outcome note), when it has. */
  ended: Decision | null;
  /** The need and enterprise of a need-born challenge, copied at claiming (absent on claims from before needs). */
  needId?: string | null;
  enterpriseId?: string | null;
};

export type Milestone = {
  /** claimId_index */
  _id: string;
  claimId: string;
  challengeId: string;
  teamId: string;
  index: number;
  title: string;
  dueAt: number;
  criterion: string;
  status: MilestoneStatus;
  evidence: { summary: string; reference: string; by: string; at: number } | null;
  review: Decision | null;
  /** Days-before reminders already sent (see REMINDER_DAYS). */
  reminded: number[];
};

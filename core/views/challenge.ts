import type { PageCursor } from '../cursor';
import type { Field } from '../fields';
import type { ChallengeMode, ChallengeStatus, ClaimStatus, MilestoneStatus } from '../challenge-rules';
import type { ChallengeChange, Target } from '../types';
import type { SolicitationView } from './need';

export type ChallengeCard = {
  id: string;
  title: string;
  field: Field;
  issuerUnit: string;
  mode: ChallengeMode;
  /** Places: 1 for a single 擂主, maxTeams for a race. */
  places: number;
  status: ChallengeStatus;
  /** Index into STAGES. */
  stage: number;
  claimDeadline: number;
  deliveryDeadline: number;
  /** Shanghai days until the claim deadline (negative once passed). */
  daysLeft: number;
  claimCount: number;
  acceptedCount: number;
  reward: string;
};
export type BoardPage = { items: ChallengeCard[]; nextCursor: PageCursor | null };

export type MilestoneView = {
  id: string;
  index: number;
  title: string;
  dueAt: number;
  criterion: string;
  status: MilestoneStatus;
  overdue: boolean;
  evidence: { summary: string; reference: string; at: number; byName: string } | null;
  review: { at: number; reason: string; byName: string } | null;
};

export type ClaimView = {
  teamId: string;
  teamName: string;
  status: ClaimStatus;
  appliedAt: number;
  review: { at: number; reason: string } | null;
  ended: { at: number; reason: string } | null;
  passedCount: number;
  milestoneCount: number;
  /** The plan and the gates: for the team's members and the challenge's reviewers only. */
  plan: {
    approach: string;
    members: { userId: string; name: string }[];
    proposed: { title: string; dueAt: number; criterion: string }[];
  } | null;
  milestones: MilestoneView[] | null;
};

export type ChallengeViewer = {
  /** Organizer of the challenge's league org: edit, publish, cancel, close. */
  canManage: boolean;
  /** Organizer or the bound issuer contact: review claims and gates. */
  canReview: boolean;
  /** Only for those who manage it: the code the issuer contact binds with. */
  reviewerCode: string | null;
  /** Teams the caller leads that may claim it now, and the ones that already have. */
  leaderTeams: { teamId: string; teamName: string; claimed: boolean }[];
  claimClosedReason: string | null;
};

export type ChallengeDetail = ChallengeCard & {
  background: string;
  targets: Target[];
  deliverables: string;
  leagueOrgId: string;
  leagueOrgName: string;
  issuerContact: string;
  issuerPhone: string | null;
  reviewerName: string | null;
  createdAt: number;
  publishedAt: number | null;
  changes: (Omit<ChallengeChange, 'by'> & { byName: string })[];
  cancelled: { at: number; reason: string } | null;
  outcome: { result: 'success' | 'failed'; at: number; summary: string; winnerNames: string[] } | null;
  claims: ClaimView[];
  viewer: ChallengeViewer;
  /** 征榜 of a challenge made from an enterprise need: its parties see all of it, others (once published) the commitments and verdicts. */
  solicit?: SolicitationView | null;
  /** The need the challenge came from: the line back. */
  needId?: string | null;
};

export type TeamClaimView = {
  claimId: string;
  challengeId: string;
  challengeTitle: string;
  challengeStatus: ChallengeStatus;
  mode: ChallengeMode;
  status: ClaimStatus;
  appliedAt: number;
  endedReason: string;
  passedCount: number;
  milestoneCount: number;
};

/** One claim on its own page, with what the viewer may do there. */
export type ClaimPage = ClaimView & {
  challengeId: string;
  challengeTitle: string;
  challengeStatus: ChallengeStatus;
  mode: ChallengeMode;
  viewer: { canReview: boolean; isLeader: boolean; isMember: boolean };
};

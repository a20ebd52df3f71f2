import type { PageCursor } from '../cursor';
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
import type { AchievementType } from '../achievement-rules';

export type EnterpriseView = {
  id: string;
  name: string;
  leagueOrgId: string;
  leagueOrgName: string;
  status: EnterpriseStatus;
  /** For organizers deciding an application: who applied. */
  applicant: { name: string; unitName: string; phone: string } | null;
  createdAt: number;
  decided: { at: number; reason: string } | null;
};

export type IssuedRoleCode = { code: string; kind: RoleCodeKind; label: string; expiresAt: number };
export type RedeemedRoleCode = { kind: RoleCodeKind; label: string; scopeId: string };

export type NeedCard = {
  id: string;
  title: string;
  field: Field;
  enterpriseName: string;
  status: NeedStatus;
  visibility: NeedVisibility;
  budget: BudgetRange;
  submittedAt: number | null;
  updatedAt: number;
  ownerName: string | null;
  /** Past its first-response deadline without an answer. */
  responseOverdue: boolean;
  respondBy: number | null;
  /** When the taker first answered the enterprise (the deadline is met). */
  respondedAt: number | null;
};
export type NeedPage = { items: NeedCard[]; nextCursor: PageCursor | null };

export type NeedStepView = { at: number; kind: NeedStepKind; note: string; byName: string };
export type NeedMessageView = { id: string; side: 'enterprise' | 'cadre'; body: string; at: number; authorName: string };

export type NeedDetail = NeedCard & {
  enterpriseId: string;
  leagueOrgId: string;
  leagueOrgName: string;
  problem: string;
  targets: string;
  timeline: string;
  /** Only for the enterprise and the cadres: a public need's readers see the enterprise, not the person. */
  contactName: string | null;
  contactPhone: string | null;
  takenAt: number | null;
  outcome: {
    kind: NeedOutcome;
    reason: string;
    at: number;
    byName: string;
    challenge: { id: string; title: string } | null;
    teams: { id: string; name: string; orgName: string }[];
    mergedInto: { id: string; title: string } | null;
  } | null;
  withdrawn: { at: number; reason: string } | null;
  /** Steps and the thread: for the enterprise and the cadres only (empty for other readers). */
  steps: NeedStepView[];
  messages: NeedMessageView[];
  viewer: {
    isEnterprise: boolean;
    isCadre: boolean;
    isOwner: boolean;
    canEdit: boolean;
    canSubmit: boolean;
    canWithdraw: boolean;
    canTake: boolean;
    canRelease: boolean;
    canDecide: boolean;
    canMessage: boolean;
  };
};

export type TeamOption = { id: string; name: string; field: Field; orgName: string };

/** One line from a need to its results: each entry links to its own page. */
export type TraceEntry = {
  at: number;
  kind: 'need' | 'challenge' | 'solicit' | 'claim' | 'gate' | 'achievement' | 'transfer';
  title: string;
  note: string;
  /** The page that shows this entry, with its query. */
  link: { page: 'need' | 'challenge' | 'claim' | 'achievement' | 'transfer'; id: string; teamId?: string } | null;
};
export type NeedTrace = {
  need: { id: string; title: string; enterpriseName: string; status: NeedStatus };
  entries: TraceEntry[];
  /** Confirmed contract amounts of the transfers on this line, in yuan. */
  confirmedAmount: number;
};

/** The 征榜 panel of a need-born challenge, in its detail. */
export type SolicitationView = {
  needId: string;
  needTitle: string;
  enterpriseName: string;
  commitments: { resources: string; reward: string; acceptance: string; at: number } | null;
  commitmentsConfirmed: { at: number; byName: string } | null;
  experts: { slot: number; name: string; bound: boolean; verdict: ExpertVerdict; comment: string; at: number | null }[];
  /** What still stands between the draft and 发榜, in words; empty when it may be published. */
  blockers: string[];
  viewer: { canConfirm: boolean; expertSlot: number | null };
};

export type TransferCard = {
  id: string;
  teamId: string;
  teamName: string;
  kind: TransferKind;
  contractNo: string;
  transferee: string;
  amount: number;
  signedOn: string;
  status: TransferStatus;
  createdAt: number;
};

export type TransferDetail = TransferCard & {
  transferor: string;
  achievement: { id: string; title: string } | null;
  challenge: { id: string; title: string } | null;
  needId: string | null;
  decision: { at: number; reason: string; byName: string } | null;
  /** The code the team hands to the other party: for the team's leader and its organizers, while pending and unexpired. */
  confirmCode: string | null;
  /** When the code stops working, for whoever is shown the code (also once it expired, to say so); otherwise null. */
  confirmCodeExpiresAt?: number | null;
  viewer: { canConfirm: boolean; isTeam: boolean };
};

export type BasisOption = { kind: 'achievement' | 'challenge'; id: string; title: string };

export type LibraryItem = {
  achievementId: string;
  title: string;
  type: AchievementType;
  field: Field;
  teamName: string;
  summary: string;
  confirmedAt: number;
  /** Confirmed transfers of this achievement. */
  transferCount: number;
};
export type LibraryPage = { items: LibraryItem[]; nextCursor: PageCursor | null };

export type InterestCard = {
  id: string;
  achievementId: string;
  achievementTitle: string;
  teamId: string;
  teamName: string;
  enterpriseName: string;
  authorName: string;
  authorPhone: string;
  message: string;
  status: InterestStatus;
  createdAt: number;
  forwarded: { at: number; note: string; byName: string } | null;
};

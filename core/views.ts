/** What actions return: shaped for the screens, never raw documents with other people's data. */
import type { PageCursor } from './cursor';
import type { Field } from './fields';
import type { ChallengeMode, ChallengeStatus, ClaimStatus, MilestoneStatus } from './challenge-rules';
import type { AchievementStatus, AchievementType, ImageStatus } from './achievement-rules';
import type { LetterItemKind, LetterStatus, VerifyVerdict } from './feedback-rules';
import type { AttendanceStatus, EventMode, EventPhase } from './progress-rules';
import type { ChallengeChange, Evidence, EventPlace, MemberRole, OrgRole, Target, TeamStatus } from './types';

export type RoleView = { role: OrgRole; scopeId: string; scopeName: string };

export type MeView = {
  id: string;
  nickname: string;
  avatarUrl: string;
  realName: string;
  unitName: string;
  phone: string;
  roles: RoleView[];
  profileComplete: boolean;
  isNew: boolean;
};

/** What waits for the caller, by what they are, for the badges on 我的. Zero where a role does not apply. */
export type TodoCounts = {
  /** Team applications awaiting this organizer's review. */
  teamApplications: number;
  /** Achievements this organizer or bound reviewer may confirm (not their own team's). */
  achievementsToConfirm: number;
  unreadNotices: number;
  /** Letters to this party contact's orgs not yet 签收. */
  lettersToAcknowledge: number;
  /** Challenges the caller is bound to review (出题单位联系人) that are still being raced. */
  reviewingChallenges: number;
  /** Bound to review any published challenge, ended ones included: the reviewer's entries show. */
  isReviewer: boolean;
};

export type OrgOption = { id: string; name: string; unitName: string; parentId: string | null };
export type OrgOptions = { league: OrgOption[]; party: OrgOption[] };

export type TeamSummary = {
  id: string;
  name: string;
  field: Field;
  unitName: string;
  leagueOrgName: string;
  status: TeamStatus;
  memberCount: number;
  crossUnit: boolean;
  myRole: MemberRole | 'applicant' | null;
  refreshDue: boolean;
  appliedAt: number;
  leaderName: string;
};

export type MemberView = {
  userId: string;
  name: string;
  avatarUrl: string;
  role: MemberRole;
  homeUnit: string;
  homePartyOrgName: string;
  phone: string;
  joinedAt: number;
};

export type TeamViewer = { isMember: boolean; isLeader: boolean; isOrganizer: boolean; isApplicant: boolean };

export type TeamDetail = TeamSummary & {
  intro: string;
  leagueOrgId: string;
  partyOrgId: string;
  partyOrgName: string;
  registeredAt: number | null;
  refreshedAt: number | null;
  refreshDueAt: number | null;
  review: { at: number; reason: string } | null;
  dissolved: { at: number; reason: string } | null;
  /** Only for members and the team's organizer. */
  inviteCode: string | null;
  members: MemberView[] | null;
  viewer: TeamViewer;
};

export type TeamPreview = {
  id: string;
  name: string;
  field: Field;
  unitName: string;
  crossUnit: boolean;
  memberCount: number;
  leaderName: string;
  partyOrgId: string;
  alreadyMember: boolean;
};

export type InboxItemView = {
  id: string;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  read: boolean;
};
export type InboxPage = { items: InboxItemView[]; nextCursor: PageCursor | null; unread: number };

export type DispatchReport = {
  sent: number;
  inAppOnly: number;
  retried: number;
  failed: number;
  flagged: number;
  reminded: number;
  /** Letters unacknowledged past the reminder, reminded and flagged this run. */
  lettersReminded: number;
  /** Quarterly draft letters prepared this run. */
  draftsPrepared: number;
};

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

// ——— 进展打卡 ———

export type ProgressLogView = {
  id: string;
  teamId: string;
  userId: string;
  userName: string;
  day: string;
  content: string;
  noProgress: boolean;
  evidence: Evidence;
  /** Display addresses of the photos. */
  photos: string[];
  /** The stored file ids behind `photos`, for editing the log. */
  photoIds: string[];
  claimId: string | null;
  claimTitle: string;
  milestoneId: string | null;
  milestoneTitle: string;
  createdAt: number;
  updatedAt: number;
  edited: boolean;
  /** Last written after its day had passed (kept offline, sent later). */
  lateSync: boolean;
};

export type ClaimOption = { claimId: string; title: string; milestones: { id: string; title: string }[] };

/** What the 打卡 form needs for one team: the day, the caller's log for it, and the claims it may cite. */
export type ProgressForm = { teamId: string; teamName: string; day: string; log: ProgressLogView | null; claims: ClaimOption[] };

export type TimelinePage = {
  items: ProgressLogView[];
  nextCursor: PageCursor | null;
  members: { userId: string; name: string }[];
  claims: { claimId: string; title: string }[];
  viewer: { isMember: boolean; isOrganizer: boolean };
};

export type CalendarDay = { day: string; teams: { teamId: string; teamName: string; noProgress: boolean }[] };
export type CalendarMonth = { month: string; days: CalendarDay[] };

export type WeeklySummary = {
  teamId: string;
  teamName: string;
  from: string;
  to: string;
  members: { userId: string; name: string; role: MemberRole; days: string[]; noProgressDays: number }[];
  evidence: { kind: Evidence['kind']; ref: string; userName: string; day: string }[];
  milestones: { claimTitle: string; milestoneTitle: string; logs: number }[];
};

// ——— 活动签到 ———

export type MyCheckin = {
  status: AttendanceStatus;
  at: number | null;
  method: string;
  distance: number | null;
  makeupReason: string;
  reviewNote: string;
};

export type EventCard = {
  id: string;
  title: string;
  startAt: number;
  endAt: number;
  placeName: string;
  mode: EventMode;
  phase: EventPhase;
  teamCount: number;
  mine: MyCheckin | null;
};
export type EventPage = { items: EventCard[]; nextCursor: PageCursor | null };

export type EventDetail = EventCard & {
  place: EventPlace;
  teams: { id: string; name: string }[];
  organizerName: string;
  viewer: { isOrganizer: boolean; isAttendee: boolean; canRequestMakeup: boolean };
};

export type EventCode = { code: string; qr: string[]; validUntil: number; periodMs: number };

export type AttendanceRow = {
  userId: string;
  name: string;
  teamName: string;
  status: AttendanceStatus;
  at: number | null;
  method: string;
  distance: number | null;
  accuracy: number | null;
  makeupReason: string;
  reviewNote: string;
};

export type Attendance = {
  eventId: string;
  title: string;
  counts: Record<AttendanceStatus, number> & { total: number };
  rows: AttendanceRow[];
};

// ——— 成果 ———

export type AchievementCard = {
  id: string;
  teamId: string;
  teamName: string;
  field: Field;
  type: AchievementType;
  title: string;
  summary: string;
  coverUrl: string;
  status: AchievementStatus;
  confirmedAt: number;
  featured: boolean;
  featureNote: string;
  revised: boolean;
  contentFlag: boolean;
};

export type FeedPage = { featured: AchievementCard[]; items: AchievementCard[]; nextCursor: PageCursor | null };

export type AchievementViewer = {
  isTeam: boolean;
  canEdit: boolean;
  canSubmit: boolean;
  canDiscard: boolean;
  canConfirm: boolean;
  canFeature: boolean;
};

export type AchievementDetail = AchievementCard & {
  evidence: Evidence;
  images: { fileId: string; url: string; status: ImageStatus }[];
  attachments: { name: string; fileId: string; url: string }[];
  contributors: { userId: string; name: string }[];
  claim: { claimId: string; challengeId: string; challengeTitle: string } | null;
  authorName: string;
  confirmation: { byName: string; at: number } | null;
  returned: { byName: string; at: number; reason: string } | null;
  feature: { byName: string; at: number; note: string } | null;
  versions: { title: string; summary: string; evidence: Evidence; confirmedByName: string; confirmedAt: number }[];
  updatedAt: number;
  viewer: AchievementViewer;
};

export type TeamAchievements = {
  teamId: string;
  /** Totals count confirmed achievements only; the others are shown beside, never added in. */
  confirmed: number;
  confirmedByType: Partial<Record<AchievementType, number>>;
  unconfirmed: { submitted: number; returned: number; draft: number };
  items: AchievementCard[];
};

export type PendingPage = { items: AchievementCard[]; nextCursor: PageCursor | null };

// ——— 通知 ———

export type NoticeCard = {
  id: string;
  title: string;
  excerpt: string;
  orgName: string;
  createdAt: number;
  requireAck: boolean;
  /** The caller's own receipt, when they are a recipient. */
  mine: { readAt: number | null; ackAt: number | null } | null;
};
export type NoticePage = { items: NoticeCard[]; nextCursor: PageCursor | null };

export type NoticeDetail = NoticeCard & {
  body: string;
  authorName: string;
  audienceLabel: string;
  viewer: { isRecipient: boolean; isOrganizer: boolean; canAck: boolean };
};

export type NoticePerson = { userId: string; name: string; teamName: string };
export type NoticeStats = {
  noticeId: string;
  title: string;
  requireAck: boolean;
  recipients: number;
  read: number;
  acknowledged: number;
  notRead: NoticePerson[];
  notAcknowledged: NoticePerson[];
  remindedAt: number | null;
  canRemind: boolean;
};

// ——— 反馈函 ———

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

/** Confirmed records of a team in a period, and where each member's part would go. */
export type LetterCandidates = {
  teamId: string;
  teamName: string;
  crossUnit: boolean;
  items: LetterItemView[];
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
  allSame: boolean;
};

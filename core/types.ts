import type { Field } from './fields';
import type { ChallengeMode, ChallengeStatus, ClaimStatus, MilestoneStatus } from './challenge-rules';
import type { AchievementStatus, AchievementType, ImageStatus } from './achievement-rules';
import type { EvidenceKind } from './evidence';
import type { LetterItemKind, LetterStatus } from './feedback-rules';
import type { NoticeAudience } from './notice-rules';
import type { EventMode } from './progress-rules';

/** Roles held by a user, stored in the database. Team roles come from `members`, not from here. */
export type OrgRole = 'organizer' | 'partyContact';
export type RoleGrant = { role: OrgRole; scopeId: string };

export type User = {
  _id: string;
  nickname: string;
  avatar: string;
  realName: string;
  unitName: string;
  phone: string;
  roles: RoleGrant[];
  createdAt: number;
  updatedAt: number;
};

export type OrgKind = 'league' | 'party';
export type Org = {
  _id: string;
  kind: OrgKind;
  name: string;
  parentId: string | null;
  unitName: string;
};

export type TeamStatus = 'pending' | 'registered' | 'rejected' | 'dissolved';

export type Team = {
  _id: string;
  name: string;
  field: Field;
  intro: string;
  leagueOrgId: string;
  unitName: string;
  partyOrgId: string;
  crossUnit: boolean;
  leaderId: string;
  applicantId: string;
  status: TeamStatus;
  inviteCode: string;
  memberCount: number;
  appliedAt: number;
  registeredAt: number | null;
  refreshedAt: number | null;
  review: { by: string; at: number; reason: string } | null;
  dissolved: { by: string; at: number; reason: string } | null;
  /** Set when msgSecCheck asked for a person to look at the name or intro. */
  contentFlag?: 'review';
  /** The refreshedAt value for which the 待更新备案 reminder has been sent. */
  refreshNotifiedFor?: number;
};

export type MemberRole = 'leader' | 'member';
export type Member = {
  _id: string;
  teamId: string;
  userId: string;
  role: MemberRole;
  homeUnit: string;
  homePartyOrgId: string;
  joinedAt: number;
};

export type InboxItem = {
  _id: string;
  userId: string;
  templateKey: string;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  readAt: number | null;
};

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'inapp_only' | 'failed';
export type OutboxItem = {
  _id: string;
  dedupeKey: string;
  userId: string;
  templateKey: string;
  data: Record<string, string>;
  page: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number;
  lastError: string;
  createdAt: number;
  doneAt: number | null;
};

export type Consent = { _id: string; userId: string; templateKey: string; count: number; updatedAt: number };

export type AuditEntry = {
  _id?: string;
  at: number;
  actor: string;
  fn: string;
  action: string;
  target: string;
  summary: string;
};

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

export type Evidence = { kind: EvidenceKind; ref: string };

/** One member's progress for one team on one Shanghai day: `_id` = teamId_userId_day. */
export type ProgressLog = {
  _id: string;
  teamId: string;
  userId: string;
  day: string;
  /** `day` as a number (20261120): the timeline's sort key and cursor. */
  dayKey: number;
  content: string;
  noProgress: boolean;
  evidence: Evidence;
  photos: string[];
  claimId: string | null;
  milestoneId: string | null;
  /** The most recent client request ids applied, so a retry of any of them is not applied again. */
  requestIds: string[];
  createdAt: number;
  updatedAt: number;
  edits: number;
};

export type EventPlace = { name: string; lat: number | null; lng: number | null; radius: number };

/** An event the organizer runs (training, exchange, review meeting) with on-site sign-in. */
export type TeamEvent = {
  _id: string;
  title: string;
  leagueOrgId: string;
  organizerId: string;
  teamIds: string[];
  startAt: number;
  endAt: number;
  place: EventPlace;
  mode: EventMode;
  /** Server-only key of the rotating code; never leaves the cloud. */
  secret: string;
  requestId: string;
  createdAt: number;
};

export type CheckinStatus = 'signed' | 'makeupRequested' | 'makeupApproved' | 'makeupRejected';

/** The raw signals of an on-site sign-in, kept as received for audit. */
export type SignInSignals = {
  at: number;
  method: 'scan' | 'code' | 'location';
  codeSlot: number | null;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  distance: number | null;
};

export type Makeup = { reason: string; requestedAt: number; review: Decision | null };

/** One member's attendance at one event: `_id` = eventId_userId. */
export type Checkin = {
  _id: string;
  eventId: string;
  userId: string;
  teamId: string;
  status: CheckinStatus;
  signals: SignInSignals | null;
  makeup: Makeup | null;
  createdAt: number;
  updatedAt: number;
};

export type StoredImage = { fileId: string; status: ImageStatus };
export type Attachment = { name: string; fileId: string };

/** What a confirmation covered: kept when a confirmed achievement is edited. */
export type AchievementVersion = {
  type: AchievementType;
  title: string;
  summary: string;
  evidence: Evidence;
  images: StoredImage[];
  attachments: Attachment[];
  contributorIds: string[];
  confirmation: { by: string; at: number };
};

export type Achievement = {
  _id: string;
  teamId: string;
  teamName: string;
  leagueOrgId: string;
  field: Field;
  authorId: string;
  type: AchievementType;
  title: string;
  summary: string;
  evidence: Evidence;
  images: StoredImage[];
  attachments: Attachment[];
  contributorIds: string[];
  claimId: string | null;
  challengeId: string | null;
  status: AchievementStatus;
  /** Set when msgSecCheck asked for a person to look at the text. */
  contentFlag: 'review' | null;
  requestId: string;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  confirmation: { by: string; at: number } | null;
  /** The feed's sort key: when it was (last) confirmed; 0 until then. */
  confirmedAt: number;
  returned: Decision | null;
  /** Edited after a confirmation (已修改); the confirmed versions are in `versions`. */
  revised: boolean;
  versions: AchievementVersion[];
  featured: boolean;
  feature: { by: string; at: number; note: string } | null;
};

/** An asynchronous media check in flight: WeChat answers by trace id. */
export type MediaCheck = {
  _id: string;
  target: 'achievements';
  docId: string;
  fileId: string;
  status: ImageStatus;
  createdAt: number;
  checkedAt: number | null;
};

export type Notice = {
  _id: string;
  leagueOrgId: string;
  authorId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  teamIds: string[];
  requireAck: boolean;
  /** Fan-out to recipients runs in batches; `pending` until every recipient has a receipt and a message. */
  fanout: 'pending' | 'done';
  recipientCount: number;
  remindedAt: number | null;
  remindRounds: number;
  requestId: string;
  createdAt: number;
};

/** One recipient's receipt: `_id` = noticeId_userId. */
export type NoticeRead = {
  _id: string;
  noticeId: string;
  userId: string;
  teamId: string;
  readAt: number | null;
  ackAt: number | null;
  createdAt: number;
};

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

/** Marks a periodic job as done, so a timer that fires every minute runs it once. */
export type Job = { _id: string; cursor: string; done: boolean; at: number };

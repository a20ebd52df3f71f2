import type { OrgRole } from '../types';

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
  /** Open reports of content under this organizer's orgs. */
  reportsToHandle: number;
  /** Challenges the caller is bound to review (出题单位联系人) that are still being raced. */
  reviewingChallenges: number;
  /** Bound to review any published challenge, ended ones included: the reviewer's entries show. */
  isReviewer: boolean;
};

/**
 * Everything the app keeps about the caller, for 隐私与数据 → 导出我的数据 (a JSON file). Only their
 * own records, with the names that make them readable; other people appear by nothing but a
 * count. Times are milliseconds since the epoch.
 */
export type MyDataExport = {
  exportedAt: number;
  profile: {
    id: string;
    nickname: string;
    avatar: string;
    realName: string;
    unitName: string;
    phone: string;
    roles: RoleView[];
    createdAt: number;
    updatedAt: number;
    deletedAt: number | null;
  };
  memberships: { teamId: string; teamName: string; role: 'leader' | 'member'; homeUnit: string; joinedAt: number }[];
  progressLogs: {
    teamId: string;
    teamName: string;
    day: string;
    content: string;
    noProgress: boolean;
    evidence: { kind: string; ref: string };
    photos: string[];
    claimId: string | null;
    milestoneId: string | null;
    createdAt: number;
    updatedAt: number;
    edits: number;
  }[];
  achievements: {
    id: string;
    teamName: string;
    /** What the caller did: wrote it, is named as a contributor, or both. */
    as: ('author' | 'contributor')[];
    type: string;
    title: string;
    summary: string;
    evidence: { kind: string; ref: string };
    status: string;
    contributorCount: number;
    createdAt: number;
    submittedAt: number | null;
    confirmedAt: number | null;
  }[];
  signIns: {
    eventId: string;
    eventTitle: string;
    teamName: string;
    status: string;
    signedInAt: number | null;
    method: string | null;
    makeupReason: string | null;
    makeupRequestedAt: number | null;
    makeupDecision: { at: number; reason: string } | null;
  }[];
  noticeReceipts: { noticeId: string; noticeTitle: string; readAt: number | null; ackAt: number | null; receivedAt: number }[];
  consents: { templateKey: string; count: number; updatedAt: number }[];
};

export type AccountDeleted = { deleted: true; deletedAt: number };

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
  /** Challenges the caller is bound to review (出题单位联系人) that are still being raced. */
  reviewingChallenges: number;
  /** Bound to review any published challenge, ended ones included: the reviewer's entries show. */
  isReviewer: boolean;
};

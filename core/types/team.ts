import type { Field } from '../fields';
import type { HiddenMark } from './report';

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
  /** Hidden by an organizer after a report: kept on record, shown only to its author and organizers. */
  hidden?: HiddenMark | null;
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

/** Failed invite-code lookups by one user in one hour; `_id` is `${userId}_${hour}`. */
export type InviteGuesses = {
  _id: string;
  userId: string;
  /** Hours since the epoch (UTC). */
  hour: number;
  failures: number;
  at: number;
};

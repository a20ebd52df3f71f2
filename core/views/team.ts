import type { Field } from '../fields';
import type { MemberRole, TeamStatus } from '../types';

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
  /** Hidden after a report: the intro is empty for people outside the team and its organizers. */
  hidden?: { reason: string; at: number } | null;
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

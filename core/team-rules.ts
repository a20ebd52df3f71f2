import type { Team, TeamStatus } from './types';
import { DAY_MS } from './time';

export const REFRESH_AFTER_DAYS = 90;

export const TEAM_STATUS_LABELS: Record<TeamStatus, string> = {
  pending: '待审核',
  registered: '已备案',
  rejected: '未通过',
  dissolved: '已解散',
};

/** A registered team whose details were last confirmed more than 90 days ago (待更新备案). */
export function isRefreshDue(team: Pick<Team, 'status' | 'refreshedAt'>, now: number): boolean {
  return team.status === 'registered' && team.refreshedAt !== null && now - team.refreshedAt > REFRESH_AFTER_DAYS * DAY_MS;
}

export function refreshDueAt(team: Pick<Team, 'refreshedAt'>): number | null {
  return team.refreshedAt === null ? null : team.refreshedAt + REFRESH_AFTER_DAYS * DAY_MS;
}

/** Invite codes avoid 0/O and 1/I so they can be read aloud and typed without confusion. */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 6;

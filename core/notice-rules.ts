/** 通知: who a notice reaches, and what the organizer sees of it (read and acknowledged, never a ranking). */
export const NOTICE_AUDIENCES = ['allTeams', 'teams', 'leaders'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, string> = {
  allTeams: '所辖全部队伍的成员',
  teams: '选定队伍的成员',
  leaders: '所辖队伍的队长',
};

/** Recipients written per transaction when a notice fans out; dispatch finishes an interrupted fan-out. */
export const NOTICE_FANOUT_BATCH = 50;
export const NOTICE_REMIND_INTERVAL_MS = 24 * 3600_000;
export const MAX_NOTICE_TEAMS = 300;

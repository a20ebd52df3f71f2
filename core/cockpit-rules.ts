/** The organizer's 驾驶舱: what waits (worklist), what the org has done (dashboard), what can be exported. */

export const WORK_KINDS = [
  'teamApplications',
  'achievementsToConfirm',
  'claimsToReview',
  'gatesToReview',
  'makeupRequests',
  'refreshOverdue',
  'lettersOverdue',
  'reports',
  'pushProblems',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const WORK_LABELS: Record<WorkKind, string> = {
  teamApplications: '待审核的组建申请',
  achievementsToConfirm: '待确认的成果',
  claimsToReview: '待评榜的揭榜',
  gatesToReview: '待评审的节点',
  makeupRequests: '待审核的补签',
  refreshOverdue: '逾期未更新备案的队伍',
  lettersOverdue: '逾期未签收的反馈函',
  reports: '待处理的举报',
  pushProblems: '推送失败或结果未知的通知',
};

/** The 揭榜挂帅 stages a challenge passes, in order (征榜 is the draft). */
export const CHALLENGE_STAGES = ['征榜', '发榜', '揭榜', '评榜', '夺榜'] as const;
export type ChallengeStage = (typeof CHALLENGE_STAGES)[number];

export const EXPORT_TABLES = ['teams', 'challenges', 'achievements', 'attendance', 'letters', 'ledger'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_LABELS: Record<ExportTable, string> = {
  teams: '队伍与成员',
  challenges: '榜单与揭榜结果',
  achievements: '已确认的成果',
  attendance: '活动出勤',
  letters: '反馈函',
  ledger: '直接联系台账',
};
/** The most rows one export writes (bench: within the function's timeout and memory). */
export const EXPORT_MAX_ROWS = 10000;

/** How long the dashboard's rollups may be before dispatch recomputes them. */
export const ROLLUP_MAX_AGE_MS = 60 * 60 * 1000;

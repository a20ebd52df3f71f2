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
  'needsToTake',
  'needResponsesOverdue',
  'enterpriseApplications',
  'interestsToForward',
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
  needsToTake: '待接单的企业需求',
  needResponsesOverdue: '超过首次答复期限的需求',
  enterpriseApplications: '待确认的企业认证申请',
  interestsToForward: '待转达团队的企业意向',
};

/** The 揭榜挂帅 stages a challenge passes, in order (征榜 is the draft). */
export const CHALLENGE_STAGES = ['征榜', '发榜', '揭榜', '评榜', '夺榜'] as const;
export type ChallengeStage = (typeof CHALLENGE_STAGES)[number];

/**
 * 企业点单 → 成果转化 (§5): the stages a need reaches, each by its own mark — received (submitted),
 * taken (ever taken), turned into a challenge, that challenge claimed, won (completed), and a
 * confirmed transfer made from it.
 */
export const NEED_LINE_STAGES = ['received', 'taken', 'challenge', 'claimed', 'won', 'transferred'] as const;
export type NeedLineStage = (typeof NEED_LINE_STAGES)[number];
export const NEED_LINE_LABELS: Record<NeedLineStage, string> = {
  received: '收到需求',
  taken: '已接单',
  challenge: '转为榜单',
  claimed: '有队伍揭榜',
  won: '夺榜',
  transferred: '成果转化',
};

/** The spans of the line whose average length the dashboard shows, each between two stored moments. */
export const NEED_LINE_SPANS = ['waiting', 'handling', 'soliciting', 'open', 'working', 'transferring'] as const;
export type NeedLineSpan = (typeof NEED_LINE_SPANS)[number];
export const NEED_SPAN_LABELS: Record<NeedLineSpan, string> = {
  waiting: '提交 → 接单',
  handling: '接单 → 处理结果',
  soliciting: '征榜 → 发榜',
  open: '发榜 → 首个揭榜',
  working: '首个揭榜 → 夺榜',
  transferring: '夺榜 → 转化确认',
};

export const EXPORT_TABLES = ['teams', 'challenges', 'achievements', 'attendance', 'letters', 'ledger', 'transfers'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_LABELS: Record<ExportTable, string> = {
  teams: '队伍与成员',
  challenges: '榜单与揭榜结果',
  achievements: '已确认的成果',
  attendance: '活动出勤',
  letters: '反馈函',
  ledger: '直接联系台账',
  transfers: '成果转化',
};
/** The most rows one export writes (bench: within the function's timeout and memory). */
export const EXPORT_MAX_ROWS = 10000;

/** How long the dashboard's rollups may be before dispatch recomputes them. */
export const ROLLUP_MAX_AGE_MS = 60 * 60 * 1000;

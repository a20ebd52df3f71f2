/**
 * 投诉/举报: what can be reported, why, and what an organizer may decide. WeChat requires a way to
 * report user-generated content wherever another person's content is shown.
 */
export const REPORT_TARGETS = ['achievement', 'progress', 'notice', 'team', 'user'] as const;
export type ReportTargetKind = (typeof REPORT_TARGETS)[number];

export const REPORT_TARGET_LABELS: Record<ReportTargetKind, string> = {
  achievement: '成果',
  progress: '进展记录',
  notice: '通知',
  team: '突击队',
  user: '个人资料',
};

export const REPORT_REASONS = ['illegal', 'false', 'privacy', 'abuse', 'ads', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  illegal: '违法违规',
  false: '虚假不实',
  privacy: '泄露他人隐私',
  abuse: '辱骂攻击',
  ads: '广告营销',
  other: '其他',
};

/** open: waiting for an organizer; hidden: the content was hidden; dismissed: no action needed. */
export type ReportStatus = 'open' | 'hidden' | 'dismissed';

/** hide the content (reason shown to its author), dismiss the report, or restore content hidden earlier. */
export const REPORT_ACTIONS = ['hide', 'dismiss', 'restore'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { open: '待处理', hidden: '已隐藏', dismissed: '已驳回' };

export const REPORTS_PAGE_SIZE = 20;

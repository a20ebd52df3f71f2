/**
 * 成果: what counts is what someone outside the team has confirmed (principle 2, docs/architecture.md). No likes, no
 * flowers, no view counts: the feed shows confirmed work and nothing that ranks people.
 */
import type { Machine } from './machine';
import type { EvidenceKind } from './evidence';

export const ACHIEVEMENT_TYPES = ['patent', 'paper', 'standard', 'software', 'product', 'transfer', 'award', 'other'] as const;
export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number];

export const ACHIEVEMENT_TYPE_LABELS: Record<AchievementType, string> = {
  patent: '专利',
  paper: '论文',
  standard: '标准',
  software: '软件著作权',
  product: '产品',
  transfer: '成果转化',
  award: '获奖',
  other: '其他',
};

/** The reference each type is usually proven by; the form starts there, the user may pick another. */
export const USUAL_EVIDENCE: Record<AchievementType, EvidenceKind> = {
  patent: 'patent',
  paper: 'doi',
  standard: 'standard',
  software: 'copyright',
  product: 'report',
  transfer: 'contract',
  award: 'link',
  other: 'none',
};

export const ACHIEVEMENT_STATUSES = ['draft', 'submitted', 'confirmed', 'returned'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];
export const ACHIEVEMENT_STATUS_LABELS: Record<AchievementStatus, string> = {
  draft: '草稿',
  submitted: '待确认',
  confirmed: '已确认',
  returned: '已退回',
};

export type AchievementEvent = 'submit' | 'confirm' | 'return' | 'revise';

/** draft → submitted → confirmed / returned; returned is resubmitted; editing a confirmed one sends it back (revise). */
export const ACHIEVEMENT_MACHINE: Machine<AchievementStatus, AchievementEvent> = {
  draft: { submit: 'submitted' },
  submitted: { confirm: 'confirmed', return: 'returned' },
  returned: { submit: 'submitted' },
  confirmed: { revise: 'submitted' },
};

export const MAX_ACHIEVEMENT_IMAGES = 9;
export const MAX_ACHIEVEMENT_ATTACHMENTS = 5;
export const MAX_CONTRIBUTORS = 30;
export const FEED_PAGE_SIZE = 20;
export const MAX_FEATURED = 5;

/** An image is shown to everyone only once the media check passed it. */
export const IMAGE_STATUSES = ['pending', 'pass', 'review', 'risky'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];
export const IMAGE_STATUS_LABELS: Record<ImageStatus, string> = {
  pending: '安全检查中',
  pass: '',
  review: '待人工复核',
  risky: '未通过安全检查',
};

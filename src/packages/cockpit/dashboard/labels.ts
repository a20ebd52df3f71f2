import { ACHIEVEMENT_TYPE_LABELS, ACHIEVEMENT_TYPES } from '@core/achievement-rules';
import { NEED_LINE_LABELS } from '@core/cockpit-rules';
import { TEAM_STATUS_LABELS } from '@core/team-rules';
import { formatDateTime } from '@core/time';
import type { TeamStatus } from '@core/types';
import type { Figures } from '@core/views';

const TEAM_STATUSES: TeamStatus[] = ['registered', 'pending', 'rejected', 'dissolved'];

export const teamSlices = (figures: Figures) =>
  TEAM_STATUSES.map((status) => ({ label: TEAM_STATUS_LABELS[status], value: figures.teams.byStatus[status] }));

export const funnelSteps = (figures: Figures) => figures.challenges.funnel.map((step) => ({ label: step.stage, value: step.count }));

export const needLineSteps = (figures: Figures) =>
  figures.needs.funnel.map((step) => ({ label: NEED_LINE_LABELS[step.stage], value: step.count }));

export const ACHIEVEMENT_SERIES = ACHIEVEMENT_TYPES.map((type) => ({ key: type, label: ACHIEVEMENT_TYPE_LABELS[type] }));

/** An acknowledgement rate as a whole percent, or — when nobody was asked. */
export const rate = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** 「统计截至 …，每小时更新」, or what happens before the first count. */
export const asOfLine = (asOf: number | null) =>
  asOf === null ? '统计尚未生成：首次统计会在几分钟内完成，之后每小时更新' : `统计截至 ${formatDateTime(asOf)}，每小时更新`;

import { MAX_RECOMMENDED_TEAMS, NEED_OUTCOME_LABELS, NEED_OUTCOMES, type NeedOutcome } from '@core/need-rules';

/** What each outcome does, in one line, beside its name. */
export const OUTCOME_HINTS: Record<NeedOutcome, string> = {
  challenge: '生成一份征榜草稿（预填本需求并与之关联）：你补全榜单、录入出题方承诺并送企业确认和专家评审，通过后才能发榜。',
  recommend: `不发榜，直接向企业推荐本组织已登记的突击队（最多 ${MAX_RECOMMENDED_TEAMS} 支），企业和团队都会收到通知。`,
  merge: '与已有的同一需求合并：本需求结束，企业可以从这里看到合并到的需求。',
  decline: '不适合由团组织承接：写明原因告知企业，记录保留。',
};

export const OUTCOME_OPTIONS = NEED_OUTCOMES.map((outcome) => ({
  outcome,
  label: NEED_OUTCOME_LABELS[outcome],
  hint: OUTCOME_HINTS[outcome],
}));

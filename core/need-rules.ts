/**
 * 企业点单 → 干部接单 → 征榜 → 成果转化: the states a need and a transfer walk, the codes that bind
 * enterprise contacts, cadres, expert reviewers and transfer confirmers, and the limits the forms
 * and the server share.
 */
import type { Machine } from './machine';

/** draft → submitted (待接单) → taken (处理中) → one outcome; withdrawn by the enterprise before an outcome. */
export type NeedStatus = 'draft' | 'submitted' | 'taken' | 'challenge' | 'recommended' | 'merged' | 'declined' | 'withdrawn';
export type NeedEvent = 'edit' | 'submit' | 'take' | 'release' | 'toChallenge' | 'recommend' | 'merge' | 'decline' | 'withdraw';

export const NEED_MACHINE: Machine<NeedStatus, NeedEvent> = {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { edit: 'submitted', take: 'taken', withdraw: 'withdrawn' },
  taken: {
    take: 'taken',
    release: 'submitted',
    toChallenge: 'challenge',
    recommend: 'recommended',
    merge: 'merged',
    decline: 'declined',
    withdraw: 'withdrawn',
  },
  challenge: {},
  recommended: {},
  merged: {},
  declined: {},
  withdrawn: {},
};

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  draft: '草稿',
  submitted: '待接单',
  taken: '处理中',
  challenge: '已转为榜单',
  recommended: '已推荐团队',
  merged: '已合并',
  declined: '未采纳',
  withdrawn: '已撤回',
};

/** What a cadre decides a taken need becomes. */
export const NEED_OUTCOMES = ['challenge', 'recommend', 'merge', 'decline'] as const;
export type NeedOutcome = (typeof NEED_OUTCOMES)[number];
export const NEED_OUTCOME_LABELS: Record<NeedOutcome, string> = {
  challenge: '转为榜单（征榜）',
  recommend: '直接推荐团队',
  merge: '与重复需求合并',
  decline: '不予采纳',
};
export const OUTCOME_STATUS: Record<NeedOutcome, NeedStatus> = {
  challenge: 'challenge',
  recommend: 'recommended',
  merge: 'merged',
  decline: 'declined',
};

export const NEED_VISIBILITIES = ['public', 'organizers'] as const;
export type NeedVisibility = (typeof NEED_VISIBILITIES)[number];
export const NEED_VISIBILITY_LABELS: Record<NeedVisibility, string> = { public: '公开（所有用户可见）', organizers: '仅团组织可见' };

export const BUDGET_RANGES = ['', '10万元以下', '10–50万元', '50–100万元', '100–500万元', '500万元以上', '面议'] as const;
export type BudgetRange = (typeof BUDGET_RANGES)[number];

/** Days a taker has to answer the enterprise for the first time; shown on the need. */
export const FIRST_RESPONSE_DAYS = 3;
export const MAX_RECOMMENDED_TEAMS = 5;
export const NEED_PAGE_SIZE = 20;

/** What a step on a need's record says happened. */
export type NeedStepKind =
  | 'created'
  | 'edited'
  | 'submitted'
  | 'taken'
  | 'released'
  | 'responded'
  | 'outcome'
  | 'withdrawn'
  | 'challengePublished'
  | 'commitmentsConfirmed'
  | 'transferConfirmed'
  | 'challengeEnded';

/** What each step on a need is called, on its record and on the whole line. */
export const NEED_STEP_LABELS: Record<NeedStepKind, string> = {
  created: '企业创建需求',
  edited: '需求有更新',
  submitted: '企业提交需求',
  taken: '团组织接单',
  released: '放弃接单',
  responded: '首次回复企业',
  outcome: '处理结果',
  withdrawn: '企业撤回需求',
  challengePublished: '榜单发布',
  commitmentsConfirmed: '企业确认出题方承诺',
  transferConfirmed: '成果转化已确认',
  challengeEnded: '榜单结束',
};

/** The one-time codes need.redeemCode accepts: each binds the redeemer to one thing. */
export const ROLE_CODE_KINDS = ['enterprise', 'cadre', 'expert', 'transfer'] as const;
export type RoleCodeKind = (typeof ROLE_CODE_KINDS)[number];
export const ROLE_CODE_LABELS: Record<RoleCodeKind, string> = {
  enterprise: '企业联系人',
  cadre: '接单干部',
  expert: '征榜评审专家',
  transfer: '成果转化确认方',
};
/** Enterprise, cadre and expert codes last a week; a transfer's confirmation code lasts 90 days (the other party may need to get certified first). */
export const ROLE_CODE_DAYS: Record<RoleCodeKind, number> = { enterprise: 7, cadre: 7, expert: 7, transfer: 90 };

export type EnterpriseStatus = 'pending' | 'active' | 'rejected';
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = { pending: '待团组织确认', active: '已认证', rejected: '未通过' };

/** 征榜 review of a challenge that came from a need. */
export type ExpertVerdict = 'pending' | 'approved' | 'returned';
export const EXPERT_VERDICT_LABELS: Record<ExpertVerdict, string> = { pending: '待评审', approved: '同意发榜', returned: '退回修改' };

/** 成果转化 */
export const TRANSFER_KINDS = ['assign', 'license', 'equity', 'service'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_KIND_LABELS: Record<TransferKind, string> = {
  assign: '转让',
  license: '许可',
  equity: '作价入股',
  service: '技术服务',
};
export type TransferStatus = 'pending' | 'confirmed' | 'disputed';
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待企业确认',
  confirmed: '已确认',
  disputed: '企业有异议',
};
/** Contract amounts are whole yuan (技术合同成交额), at most 10 亿元 per contract. */
export const MAX_CONTRACT_YUAN = 1_000_000_000;

export type InterestStatus = 'new' | 'forwarded' | 'closed';
export const INTEREST_STATUS_LABELS: Record<InterestStatus, string> = { new: '待团组织转达', forwarded: '已转达团队', closed: '已关闭' };

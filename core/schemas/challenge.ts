import * as v from 'valibot';
import { CHALLENGE_MODES, MAX_ASSIGNED_MEMBERS, MAX_MILESTONES, MAX_RACE_TEAMS, MAX_TARGETS } from '../challenge-rules';
import { cursor, day, field, id, input, optionalUserText, phone, requestId, userText } from './common';

const target = v.strictObject(
  {
    indicator: userText('考核指标', 2, 40),
    value: userText('目标值', 1, 20),
    unit: optionalUserText('单位', 10),
  },
  '考核指标格式不正确',
);

const challengeDetails = {
  title: userText('榜单名称', 4, 40),
  field,
  issuerUnit: userText('出题单位', 2, 40),
  issuerContact: userText('出题单位联系人', 2, 20),
  issuerPhone: phone,
  background: userText('需求背景', 10, 1000),
  targets: v.pipe(
    v.array(target, '考核指标格式不正确'),
    v.minLength(1, '请至少填写 1 项可衡量的考核指标'),
    v.maxLength(MAX_TARGETS, `考核指标最多 ${MAX_TARGETS} 项`),
  ),
  deliverables: userText('交付成果', 4, 500),
  claimDeadline: day('揭榜截止日期'),
  deliveryDeadline: day('交付截止日期'),
  mode: v.picklist(CHALLENGE_MODES, '请选择单一擂主或赛马'),
  maxTeams: v.pipe(
    v.number('并行队伍数须为数字'),
    v.integer('并行队伍数须为整数'),
    v.minValue(1, '并行队伍数至少为 1'),
    v.maxValue(MAX_RACE_TEAMS, `并行队伍数最多 ${MAX_RACE_TEAMS}`),
  ),
  reward: optionalUserText('奖励说明', 200),
};

const DATES_OUT_OF_ORDER = '交付截止日期须晚于揭榜截止日期';

export const createChallengeInput = v.pipe(
  input({ ...challengeDetails, leagueOrgId: id('发榜团组织'), requestId }),
  v.check((value) => value.deliveryDeadline > value.claimDeadline, DATES_OUT_OF_ORDER),
);
export type CreateChallengeInput = v.InferInput<typeof createChallengeInput>;

export const updateChallengeInput = v.pipe(
  input({ ...challengeDetails, challengeId: id('榜单编号') }),
  v.check((value) => value.deliveryDeadline > value.claimDeadline, DATES_OUT_OF_ORDER),
);
export type UpdateChallengeInput = v.InferInput<typeof updateChallengeInput>;

export const challengeIdInput = input({ challengeId: id('榜单编号') });

export const cancelChallengeInput = input({ challengeId: id('榜单编号'), reason: userText('撤榜原因', 4, 200) });

export const closeChallengeInput = v.pipe(
  input({
    challengeId: id('榜单编号'),
    result: v.picklist(['success', 'failed'], '请选择夺榜或未成功'),
    winners: v.pipe(v.array(id('队伍编号'), '夺榜队伍格式不正确'), v.maxLength(MAX_RACE_TEAMS, '夺榜队伍过多')),
    summary: userText('结榜说明', 4, 500),
  }),
  v.check((value) => value.result !== 'success' || value.winners.length > 0, '请选择夺榜的队伍'),
  v.check((value) => value.result !== 'failed' || value.winners.length === 0, '未成功结榜时不能选择夺榜队伍'),
);
export type CloseChallengeInput = v.InferInput<typeof closeChallengeInput>;

export const BOARD_FILTERS = ['active', 'closed', 'draft', 'all'] as const;
export const boardInput = input({
  status: v.optional(v.picklist(BOARD_FILTERS, '筛选条件有误'), 'active'),
  field: v.optional(v.nullable(field), null),
  mode: v.optional(v.nullable(v.picklist(CHALLENGE_MODES, '筛选条件有误')), null),
  keyword: v.optional(v.pipe(v.string('搜索词须为文字'), v.trim(), v.maxLength(20, '搜索词最多 20 个字')), ''),
  cursor,
});
export type BoardInput = v.InferInput<typeof boardInput>;

export const bindReviewerInput = input({
  code: v.pipe(v.string('评审码须为文字'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{8}$/, '评审码是 8 位字母或数字')),
});

const proposedMilestone = v.strictObject(
  {
    title: userText('节点名称', 2, 30),
    dueDate: day('节点日期'),
    criterion: userText('验收标准', 4, 200),
  },
  '节点格式不正确',
);

export const claimInput = input({
  teamId: id('队伍编号'),
  challengeId: id('榜单编号'),
  approach: userText('攻关方案', 10, 1000),
  memberIds: v.pipe(
    v.array(id('成员编号'), '参与成员格式不正确'),
    v.minLength(1, '请至少选择 1 名参与成员'),
    v.maxLength(MAX_ASSIGNED_MEMBERS, `参与成员最多 ${MAX_ASSIGNED_MEMBERS} 人`),
  ),
  milestones: v.pipe(
    v.array(proposedMilestone, '节点格式不正确'),
    v.minLength(1, '请至少设置 1 个阶段节点'),
    v.maxLength(MAX_MILESTONES, `阶段节点最多 ${MAX_MILESTONES} 个`),
  ),
  requestId,
});
export type ClaimInput = v.InferInput<typeof claimInput>;

export const teamChallengeInput = input({ teamId: id('队伍编号'), challengeId: id('榜单编号') });

export const reviewClaimInput = v.pipe(
  input({
    challengeId: id('榜单编号'),
    teamId: id('队伍编号'),
    decision: v.picklist(['accept', 'reject'], '请选择入选或不入选'),
    reason: optionalUserText('评榜意见', 200),
  }),
  v.check((value) => value.decision !== 'reject' || value.reason.length >= 2, '请写明不入选的原因'),
);
export type ReviewClaimInput = v.InferInput<typeof reviewClaimInput>;

export const submitMilestoneInput = input({
  teamId: id('队伍编号'),
  milestoneId: id('节点编号'),
  summary: userText('进展说明', 4, 500),
  reference: userText('可核验的依据', 2, 200),
});
export type SubmitMilestoneInput = v.InferInput<typeof submitMilestoneInput>;

export const reviewMilestoneInput = v.pipe(
  input({
    challengeId: id('榜单编号'),
    milestoneId: id('节点编号'),
    decision: v.picklist(['pass', 'stop'], '请选择通过或止步'),
    note: optionalUserText('评审意见', 200),
  }),
  v.check((value) => value.decision !== 'stop' || value.note.length >= 2, '请写明止步的原因'),
);
export type ReviewMilestoneInput = v.InferInput<typeof reviewMilestoneInput>;

/** 征榜: the issuer's commitments on a need-born draft, recorded by the organizer and confirmed by the enterprise. */
export const commitmentsInput = input({
  challengeId: id('榜单编号'),
  resources: userText('出题方投入的资源', 4, 500),
  reward: userText('奖励与合作方式', 2, 300),
  acceptance: userText('验收方式', 4, 500),
});

export const inviteExpertInput = input({ challengeId: id('榜单编号'), name: userText('评审专家姓名', 2, 20) });

/** An invited expert taken off a draft's review (never bound, or no longer able to review), with why. */
export const removeExpertInput = input({
  challengeId: id('榜单编号'),
  slot: v.pipe(
    v.number('专家序号须为数字'),
    v.integer('专家序号须为整数'),
    v.minValue(0, '专家序号不正确'),
    v.maxValue(20, '专家序号不正确'),
  ),
  reason: userText('移除原因', 2, 200),
});

export const expertReviewInput = v.pipe(
  input({
    challengeId: id('榜单编号'),
    verdict: v.picklist(['approved', 'returned'], '请选择同意发榜或退回修改'),
    comment: optionalUserText('评审意见', 500),
  }),
  v.check((value) => value.verdict !== 'returned' || value.comment.length >= 4, '退回修改时请写明意见（至少 4 个字）'),
);

import * as v from 'valibot';
import { BUDGET_RANGES, MAX_RECOMMENDED_TEAMS, NEED_OUTCOMES, NEED_VISIBILITIES } from '../need-rules';
import { orgCode } from './admin';
import { cursor, field, id, input, optionalUserText, requestId, userText } from './common';

const orgId = id('组织编号');
const needId = id('需求编号');
const enterpriseId = id('企业编号');
const reason = userText('原因', 2, 200);
const enterpriseName = userText('企业名称', 2, 60);

/** An enterprise contact code names the enterprise; a cadre code needs nothing more. */
export const issueRoleCodeInput = v.pipe(
  input({ orgId, kind: v.picklist(['enterprise', 'cadre'], '请选择邀请码的用途'), enterpriseName: v.optional(enterpriseName) }),
  v.check((value) => value.kind !== 'enterprise' || !!value.enterpriseName, '请填写企业名称'),
);

/** Role codes are organizer codes' kind: 12 letters of the same alphabet (60 bits). */
export const redeemRoleCodeInput = input({ code: orgCode });

export const applyEnterpriseInput = input({ orgId, enterpriseName, requestId });

export const decideEnterpriseInput = input({
  orgId,
  enterpriseId,
  approve: v.boolean('请选择通过或不通过'),
  reason: optionalUserText('说明', 200),
});

export const orgScopeInput = input({ orgId });

/** What an enterprise contact writes about a need. */
export const NEED_FIELDS = {
  title: userText('需求名称', 4, 60),
  field,
  problem: userText('问题与现状', 10, 2000),
  targets: userText('目标指标', 4, 1000),
  timeline: userText('期望周期', 2, 100),
  budget: v.optional(v.picklist(BUDGET_RANGES, '请从列表中选择预算范围'), ''),
  visibility: v.picklist(NEED_VISIBILITIES, '请选择公开范围'),
  contactName: userText('联系人', 2, 20),
  contactPhone: v.pipe(v.string('手机号须为文字'), v.trim(), v.regex(/^1\d{10}$/, '请填写 11 位手机号')),
};

/** A new draft (no needId) or an edit of one's draft or 待接单 need. */
export const saveNeedInput = input({ enterpriseId, needId: v.optional(needId), requestId, ...NEED_FIELDS });

export const needIdInput = input({ needId });

export const withdrawNeedInput = input({ needId, reason });

export const releaseNeedInput = input({ needId, reason });

export const needQueueInput = input({
  orgId,
  view: v.picklist(['open', 'mine', 'done'], '请选择列表'),
  cursor,
});

export const needBoardInput = input({
  keyword: v.optional(v.pipe(v.string('关键词须为文字'), v.trim(), v.maxLength(30, '关键词最多 30 个字')), ''),
  cursor,
});

export const needMessageInput = input({ needId, body: userText('留言', 1, 500), requestId });

export const decideNeedInput = v.pipe(
  input({
    needId,
    outcome: v.picklist(NEED_OUTCOMES, '请选择处理结果'),
    reason,
    teamIds: v.optional(
      v.pipe(v.array(id('队伍编号'), '请选择推荐的团队'), v.maxLength(MAX_RECOMMENDED_TEAMS, `最多推荐 ${MAX_RECOMMENDED_TEAMS} 支团队`)),
    ),
    mergeInto: v.optional(id('合并到的需求')),
  }),
  v.check((value) => value.outcome !== 'recommend' || (value.teamIds?.length ?? 0) > 0, '请至少选择一支推荐的团队'),
  v.check((value) => value.outcome !== 'merge' || !!value.mergeInto, '请选择要合并到的需求'),
);

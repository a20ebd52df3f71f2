import * as v from 'valibot';
import { CONTACT_KINDS, OPINION_STATES } from '../contact-rules';
import { day, id, input, optionalUserText, requestId, userText } from './common';

/** A cycle is named by its first year. */
export const cycleKey = v.pipe(v.string('周期须为文字'), v.regex(/^20\d{2}$/, '周期格式不正确'));

export const ledgerInput = input({ orgId: id('组织编号'), cycle: v.optional(cycleKey) });

export const startCycleInput = input({
  orgId: id('组织编号'),
  cycle: cycleKey,
  years: v.optional(
    v.pipe(v.number('周期年数须为数字'), v.integer('周期年数须为整数'), v.minValue(1, '周期至少 1 年'), v.maxValue(5, '周期最多 5 年')),
    2,
  ),
});

export const chooseTeamsInput = input({
  orgId: id('组织编号'),
  cycle: cycleKey,
  teamIds: v.pipe(v.array(id('队伍编号'), '请选择队伍'), v.minLength(1, '请至少选择一支队伍'), v.maxLength(200, '一次最多选择 200 支队伍')),
});

export const dropTeamInput = input({ orgId: id('组织编号'), cycle: cycleKey, teamId: id('队伍编号'), reason: userText('原因', 2, 200) });

export const addRecordInput = input({
  orgId: id('组织编号'),
  cycle: cycleKey,
  teamId: id('队伍编号'),
  kind: v.picklist(CONTACT_KINDS, '请选择联系方式'),
  day: day('日期'),
  participants: userText('参加人员', 2, 200),
  notes: optionalUserText('情况记录', 2000),
  opinions: v.optional(
    v.pipe(v.array(userText('意见建议', 2, 500), '意见建议须为一组文字'), v.maxLength(20, '一次最多记录 20 条意见建议')),
    [],
  ),
  requestId,
});

export const teamContactsInput = input({ teamId: id('队伍编号') });

export const updateOpinionInput = input({
  orgId: id('组织编号'),
  opinionId: id('意见编号'),
  state: v.picklist(OPINION_STATES, '请选择跟进状态'),
  reply: optionalUserText('答复', 1000),
  /** Who follows it up (an organizer of the org); unchanged when absent. */
  ownerId: v.optional(id('负责人')),
});

export const cycleSummaryInput = input({ orgId: id('组织编号'), cycle: cycleKey });

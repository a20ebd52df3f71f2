import * as v from 'valibot';
import { field, id, input, inviteCode, optionalUserText, requestId, userText } from './common';

const teamDetails = {
  name: userText('队伍名称', 2, 30),
  field,
  intro: optionalUserText('队伍简介', 300),
  unitName: userText('所在单位', 2, 40),
  leagueOrgId: id('所属团组织'),
  partyOrgId: id('所在单位党组织'),
  crossUnit: v.boolean('请选择是否跨单位组队'),
};

export const applyTeamInput = input({ ...teamDetails, requestId });
export type ApplyTeamInput = v.InferInput<typeof applyTeamInput>;

export const teamIdInput = input({ teamId: id('队伍编号') });

export const reviewTeamInput = v.pipe(
  input({
    teamId: id('队伍编号'),
    decision: v.picklist(['approve', 'reject'], '请选择通过或驳回'),
    reason: optionalUserText('审核意见', 200),
  }),
  v.check((value) => value.decision !== 'reject' || value.reason.length >= 2, '驳回时请填写原因（至少 2 个字），申请人会看到它'),
);
export type ReviewTeamInput = v.InferInput<typeof reviewTeamInput>;

export const joinTeamInput = input({
  inviteCode,
  homeUnit: optionalUserText('本人所在单位', 40),
  homePartyOrgId: v.optional(id('本人所在党组织')),
});
export type JoinTeamInput = v.InferInput<typeof joinTeamInput>;

export const previewTeamInput = input({ inviteCode });

export const memberActionInput = input({ teamId: id('队伍编号'), userId: id('成员编号') });

export const dissolveTeamInput = input({ teamId: id('队伍编号'), reason: userText('解散原因', 2, 200) });

export const refreshTeamInput = input({
  teamId: id('队伍编号'),
  name: teamDetails.name,
  field,
  intro: teamDetails.intro,
  unitName: teamDetails.unitName,
  partyOrgId: teamDetails.partyOrgId,
  crossUnit: teamDetails.crossUnit,
});
export type RefreshTeamInput = v.InferInput<typeof refreshTeamInput>;

export const orgTeamsInput = input({
  status: v.optional(v.picklist(['all', 'pending', 'registered', 'rejected', 'dissolved', 'refreshDue'], '筛选条件有误'), 'all'),
});

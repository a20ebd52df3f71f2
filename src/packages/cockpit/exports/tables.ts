import { EXPORT_MAX_ROWS, type ExportTable } from '@core/cockpit-rules';

/** What each export holds, in the words of the page that offers it. */
export const TABLE_CONTENTS: Record<ExportTable, string> = {
  teams:
    '「队伍」表：每支队伍的领域、状态、所属团组织、所在单位、党组织、申请与备案日期、是否逾期未更新备案；「成员」表：每位成员的角色、原单位、原党组织、手机号和加入日期。',
  challenges:
    '每个榜单的发榜组织、出题单位、状态、所处阶段和结果（成功、未成功、撤榜都如实列出），每条揭榜一行，写明揭榜队伍、评榜意见和止步、结束的说明。',
  achievements: '经队伍之外的确认人确认的成果：类型、凭证、完成人、关联榜单、确认人及其所在组织和确认时间。待确认的成果不在其中。',
  attendance: '全部活动中每位应到人员一行：现场签到、补签、未签到或缺席，以及签到时间和方式。单个活动的出勤可在活动页面导出。',
  letters: '已发出的反馈函：队伍、收函党组织、署名组织、期间、发出、查看与签收时间，逾期未签收的单独标明。',
  ledger:
    '「联系记录」表：每次直接联系的方式、日期、参加人员和情况，收集的意见建议及其跟进状态、负责人和答复；「联系队伍」表：各周期选定联系的队伍。',
};

export const EXPORT_HINT = `导出所选组织及其下级组织的数据，与页面上看到的一致（手机号只在你能看到的范围内列出）。每张表最多 ${EXPORT_MAX_ROWS} 行，超出时请选择下级组织分别导出。`;

/**
 * Every page of app.config.ts, as the user it is for, with the query it needs and texts that only
 * its real content shows (never its loading or error state). The pages suite fails if app.config.ts
 * gains a page that is not listed here.
 */
import { DEMO } from './demo.mjs';

const race = DEMO.challengeRace;

/** Every page app.json declares, main package and subpackages, as `pages/home/index`. */
export function declaredPages(appJson) {
  const subpackages = appJson.subPackages ?? appJson.subpackages ?? [];
  return [...appJson.pages, ...subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`))];
}

export const PAGE_CATALOG = [
  // Tab pages (main package)
  { route: 'pages/home/index', as: 'newcomer', expect: ['典型案例', '一种车规级芯片故障注入验证方法'] },
  { route: 'pages/challenges/index', as: 'newcomer', expect: ['揭榜中', '车规级 MCU 功能安全验证平台'] },
  { route: 'pages/progress/index', as: 'memberA', expect: ['今天的进展', '车规级芯片青年突击队', '提交记录'] },
  { route: 'pages/progress/index', as: 'organizer', expect: ['进展由各队成员记录', '所辖突击队', '创建活动'] },
  {
    route: 'pages/me/index',
    as: 'leaderA',
    expect: ['李航', '车规级芯片青年突击队', '申请组建', '查验反馈函', '绑定党组织联系人', '成为团组织管理员'],
  },
  { route: 'pages/me/index', as: 'organizer', expect: ['团组织管理', '待审核的组建申请', '待我确认的成果', '查验反馈函'] },
  { route: 'pages/me/index', as: 'partyContact', expect: ['党组织联系人', '反馈函', '查验反馈函'] },
  // team
  { route: 'packages/team/apply/index', as: 'applicant', expect: ['队伍名称', '攻关领域', '提交申请'] },
  { route: 'packages/team/detail/index', as: 'leaderA', query: { id: DEMO.teamA }, expect: ['车规级芯片青年突击队', '张晓'] },
  { route: 'packages/team/join/index', as: 'newcomer', query: { code: DEMO.inviteA }, expect: ['车规级芯片青年突击队'] },
  { route: 'packages/team/refresh/index', as: 'leaderA', query: { id: DEMO.teamA }, expect: ['备案信息需每 90 天确认一次', '确认无变化'] },
  // challenge
  { route: 'packages/challenge/detail/index', as: 'leaderA', query: { id: race }, expect: ['车规级 MCU 功能安全验证平台', '考核指标'] },
  { route: 'packages/challenge/edit/index', as: 'organizer', query: { id: DEMO.challengeDraft }, expect: ['考核指标'] },
  {
    route: 'packages/challenge/apply/index',
    as: 'leaderA',
    query: { challengeId: race, teamId: DEMO.teamA },
    expect: ['攻关方案', '参与成员'],
  },
  {
    route: 'packages/challenge/claim/index',
    as: 'leaderB',
    query: { challengeId: race, teamId: DEMO.teamB },
    expect: ['大模型推理加速青年突击队'],
  },
  { route: 'packages/challenge/close/index', as: 'organizer', query: { id: race }, expect: ['结榜'] },
  { route: 'packages/challenge/bind/index', as: 'issuer', expect: ['评审码'] },
  { route: 'packages/challenge/reviewing/index', as: 'issuer', expect: ['车规级 MCU 功能安全验证平台'] },
  // progress
  { route: 'packages/progress/timeline/index', as: 'leaderA', query: { teamId: DEMO.teamA }, expect: ['张晓'] },
  { route: 'packages/progress/weekly/index', as: 'leaderA', query: { teamId: DEMO.teamA }, expect: ['本周'] },
  { route: 'packages/progress/calendar/index', as: 'memberA', expect: ['有进展', '如实记录无进展'] },
  { route: 'packages/progress/events/index', as: 'memberA', expect: ['青年突击队攻关方法培训'] },
  {
    route: 'packages/progress/event/index',
    as: 'organizer',
    query: { id: DEMO.eventOpen },
    expect: ['青年突击队攻关方法培训', '每 10 秒更新'],
  },
  { route: 'packages/progress/event-edit/index', as: 'organizer', expect: ['活动名称'] },
  {
    route: 'packages/progress/attendance/index',
    as: 'organizer',
    query: { id: DEMO.eventPast },
    expect: ['揭榜项目季度评审交流会', '李航'],
  },
  // achievement
  {
    route: 'packages/achievement/detail/index',
    as: 'newcomer',
    query: { id: DEMO.achievementPatent },
    expect: ['一种车规级芯片故障注入验证方法'],
  },
  { route: 'packages/achievement/edit/index', as: 'leaderA', query: { teamId: DEMO.teamA }, expect: ['成果类型', '名称'] },
  { route: 'packages/achievement/review/index', as: 'organizer', expect: ['车规级 MCU 功能安全测试方法团体标准'] },
  // notice
  { route: 'packages/notice/list/index', as: 'memberA', expect: ['关于开展攻关方法培训的通知'] },
  { route: 'packages/notice/detail/index', as: 'memberA', query: { id: DEMO.notice }, expect: ['关于开展攻关方法培训的通知', '已知悉'] },
  { route: 'packages/notice/edit/index', as: 'organizer', expect: ['标题', '内容', '发送对象'] },
  { route: 'packages/notice/stats/index', as: 'organizer', query: { id: DEMO.notice }, expect: ['关于开展攻关方法培训的通知', '已读'] },
  // feedback letters
  { route: 'packages/feedback/letters/index', as: 'partyContact', expect: ['车规级芯片青年突击队'] },
  {
    route: 'packages/feedback/letter/index',
    as: 'partyContact',
    query: { id: DEMO.letter },
    expect: ['车规级芯片青年突击队', DEMO.letterCode],
  },
  { route: 'packages/feedback/compose/index', as: 'organizer', query: { teamId: DEMO.teamA }, expect: ['车规级芯片青年突击队'] },
  { route: 'packages/feedback/contacts/index', as: 'organizer', expect: ['华芯微电子党委'] },
  { route: 'packages/feedback/bind/index', as: 'newcomer', expect: ['绑定码'] },
  { route: 'packages/feedback/verify/index', as: 'newcomer', query: { code: DEMO.letterCode }, expect: ['一致'] },
  // organizer
  { route: 'packages/admin/review/index', as: 'organizer', expect: ['高纯靶材国产化青年突击队'] },
  { route: 'packages/admin/teams/index', as: 'organizer', expect: ['车规级芯片青年突击队', '大模型推理加速青年突击队'] },
  { route: 'packages/admin/reports/index', as: 'organizer', expect: ['一种车规级芯片故障注入验证方法', '虚假不实', '待处理'] },
  {
    route: 'packages/admin/orgs/index',
    as: 'organizer',
    expect: ['共青团某省委员会', '华芯微电子团委', '智算研究院团委', '华芯微电子党委', '从表格导入'],
  },
  {
    route: 'packages/admin/org/index',
    as: 'organizer',
    query: { id: 'org-league-zs' },
    expect: ['智算研究院团委', '省智能计算研究院', '孙悦', '数据库设置', '另有 1 位上级组织管理员也可管理本组织', '生成邀请码'],
  },
  { route: 'packages/admin/import/index', as: 'organizer', expect: ['下载模板', '选择填好的表格'] },
  // cockpit (驾驶舱) and direct contact
  { route: 'packages/cockpit/worklist/index', as: 'organizer', expect: ['等你处理', '待审核的组建申请', '高纯靶材国产化青年突击队'] },
  { route: 'packages/cockpit/dashboard/index', as: 'organizer', expect: ['共青团某省委员会', '揭榜挂帅', '下级组织', '华芯微电子团委'] },
  { route: 'packages/cockpit/audit/index', as: 'organizer', expect: ['所辖组织及下级组织的每次变更，最新的在前。'] },
  { route: 'packages/cockpit/exports/index', as: 'organizer', expect: ['导出范围', '队伍与成员', '导出 Excel'] },
  { route: 'packages/contact/ledger/index', as: 'organizer', expect: ['直接联系的队伍（1）', '车规级芯片青年突击队', '周期小结'] },
  { route: 'packages/contact/team/index', as: 'leaderA', query: { teamId: DEMO.teamA }, expect: ['联系记录（1）', '走访', '待办'] },
  // need (企业点单 → 干部接单)
  { route: 'packages/need/mine/index', as: 'issuer', expect: ['省汽车电子集团', '动力电池管理系统 SOC 估算精度提升', '发布需求'] },
  { route: 'packages/need/apply/index', as: 'applicant', expect: ['我有邀请码', '申请认证', '提交申请'] },
  { route: 'packages/need/redeem/index', as: 'newcomer', expect: ['征榜评审专家', '成果转化确认方', '确认绑定'] },
  { route: 'packages/need/edit/index', as: 'issuer', expect: ['问题与现状', '公开范围', '保存草稿'] },
  {
    route: 'packages/need/edit/index',
    as: 'issuer',
    query: { id: DEMO.needDraft },
    expect: ['新一代信息技术', '仅团组织可见', '保存草稿'],
  },
  {
    route: 'packages/need/board/index',
    as: 'newcomer',
    expect: ['动力电池管理系统 SOC 估算精度提升', '车载激光雷达点云实时分割', '我要发布需求'],
  },
  {
    route: 'packages/need/detail/index',
    as: 'organizer',
    query: { id: DEMO.needOpen },
    expect: ['动力电池管理系统 SOC 估算精度提升', '等待「共青团某省委员会」的接单干部接单。', '全部步骤（2）'],
  },
  {
    route: 'packages/need/detail/index',
    as: 'issuer',
    query: { id: DEMO.needSolicit },
    expect: ['车载激光雷达点云实时分割', '查看榜单：车载激光雷达点云实时分割', '全部步骤（5）'],
  },
  {
    route: 'packages/need/queue/index',
    as: 'organizer',
    expect: ['共青团某省委员会及下级组织收到的企业需求', '我接的', '动力电池管理系统 SOC 估算精度提升'],
  },
  {
    route: 'packages/need/decide/index',
    as: 'organizer',
    query: { id: DEMO.needOpen },
    expect: ['动力电池管理系统 SOC 估算精度提升', '现在不能处理这项需求'],
  },
  {
    route: 'packages/need/trace/index',
    as: 'issuer',
    query: { id: DEMO.needSolicit },
    expect: ['已确认合同金额', '起草榜单「车载激光雷达点云实时分割」', '企业提交需求，等待团组织接单'],
  },
  { route: 'packages/need/enterprises/index', as: 'organizer', expect: ['已认证企业（1）', '省汽车电子集团', '生成接单干部邀请码'] },
  // transfer (成果转化) and 征榜
  {
    route: 'packages/transfer/edit/index',
    as: 'leaderA',
    query: { teamId: DEMO.teamA, achievementId: DEMO.achievementPatent },
    expect: ['转化方式', '合同编号', '成果：一种车规级芯片故障注入验证方法'],
  },
  {
    route: 'packages/transfer/detail/index',
    as: 'leaderA',
    query: { id: DEMO.transfer },
    expect: ['120 万元', 'TRPA-TENT-2345', '待企业确认'],
  },
  { route: 'packages/transfer/detail/index', as: 'issuer', query: { id: DEMO.transfer }, expect: ['120 万元', '提出异议', '待企业确认'] },
  {
    route: 'packages/transfer/team/index',
    as: 'leaderA',
    query: { teamId: DEMO.teamA },
    expect: ['车规级芯片青年突击队', '登记成果转化', '120 万元'],
  },
  { route: 'packages/transfer/pending/index', as: 'issuer', expect: ['许可 · 省汽车电子集团', '120 万元'] },
  { route: 'packages/transfer/library/index', as: 'issuer', expect: ['一种车规级芯片故障注入验证方法', '表达合作意向'] },
  {
    route: 'packages/transfer/interests/index',
    as: 'organizer',
    expect: ['省汽车电子集团', '希望了解该专利在车身控制器上的授权许可条件。', '转达团队'],
  },
  {
    route: 'packages/challenge/solicit/index',
    as: 'organizer',
    query: { id: DEMO.challengeSolicit },
    expect: ['发榜前还需：', '企业确认出题方承诺', '何教授'],
  },
  {
    route: 'packages/challenge/solicit/index',
    as: 'expert',
    query: { id: DEMO.challengeSolicit },
    expect: ['同意发榜', '退回修改', '出题方承诺'],
  },
  // user
  { route: 'packages/user/profile/index', as: 'leaderA', expect: ['真实姓名', '所在单位'] },
  { route: 'packages/user/privacy/index', as: 'memberA', expect: ['张晓', '导出我的数据', '已注销用户'] },
  { route: 'packages/user/inbox/index', as: 'leaderA', expect: ['暂无消息', '审核结果、队伍变动等通知会出现在这里'] },
  {
    route: 'packages/user/become-organizer/index',
    as: 'organizer',
    expect: ['上级组织管理员生成', '部署时打印的设置码', '我的身份', '团组织管理员', '共青团某省委员会'],
  },
];

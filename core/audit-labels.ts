/**
 * What each audited action is called in the 操作记录 (the trail and its action picker). Keyed by
 * `fn.action`: the same action name means different things in different functions (publish a
 * challenge, publish a notice). An action missing here is shown by its name.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'team.apply': '申请组建突击队',
  'team.review': '审核组建申请',
  'team.refresh': '更新备案信息',
  'team.join': '加入队伍',
  'team.removeMember': '移出成员',
  'team.transferLeader': '移交队长',
  'team.dissolve': '解散队伍',
  'team.leave': '退出队伍',
  'challenge.create': '起草榜单',
  'challenge.update': '修改榜单',
  'challenge.publish': '发榜',
  'challenge.discard': '删除榜单草稿',
  'challenge.cancel': '撤榜',
  'challenge.close': '结榜',
  'challenge.bindReviewer': '绑定出题单位评审',
  'challenge.claim': '揭榜',
  'challenge.withdraw': '撤回揭榜',
  'challenge.acceptClaim': '评榜入选',
  'challenge.rejectClaim': '评榜未入选',
  'challenge.submitMilestone': '提交节点',
  'challenge.passMilestone': '节点评审通过',
  'challenge.stopTrack': '节点评审止步',
  'progress.log': '记录进展',
  'progress.createEvent': '创建活动',
  'progress.signIn': '活动签到',
  'progress.requestMakeup': '申请补签',
  'progress.reviewMakeup': '审核补签',
  'achievement.save': '保存成果',
  'achievement.submit': '提交成果',
  'achievement.discard': '删除成果草稿',
  'achievement.confirm': '确认成果',
  'achievement.return': '退回成果',
  'achievement.feature': '设置典型案例',
  'achievement.mediaVerdict': '图片安全检查',
  'notice.publish': '发布通知',
  'notice.read': '阅读通知',
  'notice.ack': '确认通知',
  'notice.remind': '提醒阅读通知',
  'feedback.contactCode': '生成联系人绑定码',
  'feedback.bindContact': '绑定党组织联系人',
  'feedback.issue': '发出反馈函',
  'feedback.open': '查看反馈函',
  'feedback.acknowledge': '签收反馈函',
  'report.submit': '提交举报',
  'report.decide': '处理举报',
  'report.hide': '隐藏被举报内容',
  'report.restore': '恢复显示内容',
  'admin.createOrg': '新建组织',
  'admin.renameOrg': '修改组织名称',
  'admin.moveOrg': '调整上级组织',
  'admin.retireOrg': '撤销组织',
  'admin.confirmImport': '导入组织',
  'admin.issueCode': '生成管理员邀请码',
  'admin.revokeOrganizer': '撤销管理员',
  'admin.redeemCode': '成为管理员',
  'contact.startCycle': '开始联系周期',
  'contact.chooseTeams': '选定直接联系的队伍',
  'contact.dropTeam': '不再直接联系队伍',
  'contact.addRecord': '记录联系',
  'contact.updateOpinion': '跟进意见建议',
  'cockpit.export': '导出 Excel',
  'challenge.setCommitments': '记录出题方承诺',
  'challenge.confirmCommitments': '企业确认出题方承诺',
  'challenge.inviteExpert': '邀请征榜评审专家',
  'challenge.expertReview': '专家评审征榜',
  'challenge.removeExpert': '移除征榜评审专家',
  'need.issueCode': '生成企业或接单干部邀请码',
  'need.redeemCode': '凭邀请码绑定身份',
  'need.apply': '申请企业认证',
  'need.decideApplication': '处理企业认证',
  'need.save': '保存企业需求',
  'need.submit': '提交企业需求',
  'need.withdraw': '撤回企业需求',
  'need.take': '接单',
  'need.release': '放弃接单',
  'need.message': '需求留言',
  'need.decide': '处理企业需求',
  'transfer.create': '登记成果转化',
  'transfer.confirm': '确认成果转化',
  'transfer.dispute': '对成果转化提出异议',
  'transfer.interest': '表达合作意向',
  'transfer.forwardInterest': '转达合作意向',
  'dispatch.flagRefreshDue': '提醒更新备案',
  'dispatch.remindMilestone': '提醒节点到期',
  'dispatch.remindLetter': '提醒签收反馈函',
  'dispatch.prepareDraft': '准备季度反馈函草稿',
  'user.create': '首次使用',
  'user.updateProfile': '更新个人资料',
  'user.exportData': '导出个人数据',
  'user.deleteAccount': '注销账号',
  'message.markRead': '标记消息已读',
  'message.recordConsent': '同意接收消息',
};

export const auditActionKey = (fn: string, action: string) => `${fn}.${action}`;

export function auditActionLabel(fn: string, action: string): string {
  return AUDIT_ACTION_LABELS[auditActionKey(fn, action)] ?? action;
}

/** Entries about a person's own account only: never in an org's or a team's trail. */
const PERSONAL = new Set(['user.create', 'user.updateProfile', 'user.exportData', 'message.markRead', 'message.recordConsent']);

/** The action picker's choices, in the table's order. */
export const AUDIT_ACTION_CHOICES: { fn: string; action: string; label: string }[] = Object.entries(AUDIT_ACTION_LABELS)
  .filter(([key]) => !PERSONAL.has(key))
  .map(([key, label]) => {
    const [fn, action] = key.split('.');
    return { fn, action, label };
  });

/**
 * What 我的 offers, grouped by what the user is. An entry a role cannot use is not offered;
 * a count is what waits there for this user.
 */
import type { MeView, TodoCounts } from '@core/views';

export type MenuEntry = { title: string; description?: string; url: string; count?: number };
export type MenuSection = { title: string; entries: MenuEntry[] };

const has = (me: MeView, role: MeView['roles'][number]['role']) => me.roles.some((grant) => grant.role === role);

/**
 * Only people who take part in a team form one: not the organizers who register teams, nor party
 * contacts. Anyone may still join a team with an invite code.
 */
export function canFormTeam(me: MeView): boolean {
  return !has(me, 'organizer') && !has(me, 'partyContact');
}

export function meSections(me: MeView, todo: TodoCounts | null, unreadMessages: number): MenuSection[] {
  const organizer = has(me, 'organizer');
  const contact = has(me, 'partyContact');
  const reviewer = todo?.isReviewer ?? false;
  const enterprise = has(me, 'enterprise');
  const cadre = has(me, 'cadre');
  const sections: MenuSection[] = [
    {
      title: '消息与通知',
      entries: [
        { title: '消息', url: '/packages/user/inbox/index', count: unreadMessages },
        { title: '通知', description: '团组织发来的通知与需确认事项', url: '/packages/notice/list/index', count: todo?.unreadNotices },
      ],
    },
  ];
  if (organizer) {
    sections.push({
      title: '驾驶舱',
      entries: [
        { title: '待办', description: '等你处理的一切，一处看全', url: '/packages/cockpit/worklist/index' },
        { title: '数据看板', description: '队伍、揭榜挂帅、成果与反馈的汇总', url: '/packages/cockpit/dashboard/index' },
        { title: '直接联系', description: '直接联系的队伍、联系记录与意见建议跟进', url: '/packages/contact/ledger/index' },
        { title: '导出 Excel', description: '队伍、榜单、成果、出勤、反馈函、联系台账', url: '/packages/cockpit/exports/index' },
        { title: '操作记录', description: '所辖组织的审计记录', url: '/packages/cockpit/audit/index' },
      ],
    });
    sections.push({
      title: '团组织管理',
      entries: [
        { title: '待审核的组建申请', url: '/packages/admin/review/index', count: todo?.teamApplications },
        { title: '待我确认的成果', url: '/packages/achievement/review/index', count: todo?.achievementsToConfirm },
        { title: '所辖突击队', url: '/packages/admin/teams/index' },
        {
          title: '待处理的举报',
          description: '对所辖内容的投诉与举报',
          url: '/packages/admin/reports/index',
          count: todo?.reportsToHandle,
        },
        { title: '组织管理', description: '组织树、管理员与邀请码', url: '/packages/admin/orgs/index' },
        { title: '发布榜单', url: '/packages/challenge/edit/index' },
        { title: '发布通知', url: '/packages/notice/edit/index' },
        { title: '反馈函管理', description: '写反馈函、季度草稿、签收情况', url: '/packages/feedback/letters/index?scope=manage' },
      ],
    });
  }
  if (organizer || cadre) {
    const entries: MenuEntry[] = [
      { title: '需求接单', description: '企业点单、干部接单：待接单与我接的需求', url: '/packages/need/queue/index' },
    ];
    if (organizer) {
      entries.push(
        { title: '企业与接单干部', description: '企业认证申请、企业联系人与接单干部邀请码', url: '/packages/need/enterprises/index' },
        { title: '合作意向', description: '企业对成果的合作意向，转达给团队', url: '/packages/transfer/interests/index' },
      );
    }
    sections.push({ title: '企业点单', entries });
  }
  if (enterprise) {
    sections.push({
      title: '企业',
      entries: [
        { title: '我的需求', description: '发布技术需求，查看每一步进展', url: '/packages/need/mine/index' },
        { title: '待我确认的成果转化', description: '团队登记的技术合同，由企业确认', url: '/packages/transfer/pending/index' },
      ],
    });
  }
  if (reviewer) {
    const entries: MenuEntry[] = [{ title: '我评审的榜单', url: '/packages/challenge/reviewing/index', count: todo?.reviewingChallenges }];
    if (!organizer)
      entries.push({ title: '待我确认的成果', url: '/packages/achievement/review/index', count: todo?.achievementsToConfirm });
    sections.push({ title: '评审', entries });
  }
  if (contact) {
    sections.push({
      title: '党组织联系人',
      entries: [
        {
          title: '反馈函',
          description: '发给本党组织的反馈函，查看并签收',
          url: '/packages/feedback/letters/index',
          count: todo?.lettersToAcknowledge,
        },
      ],
    });
  }
  const more: MenuEntry[] = [
    { title: '科技成果库', description: '已确认的公开成果，企业可表达合作意向', url: '/packages/transfer/library/index' },
    { title: '企业需求', description: '企业公开发布的技术需求', url: '/packages/need/board/index' },
    { title: '查验反馈函', description: '凭查验码核对反馈函与当前记录', url: '/packages/feedback/verify/index' },
  ];
  if (!organizer && !enterprise) {
    more.push({ title: '企业认证', description: '以企业联系人身份发布技术需求', url: '/packages/need/apply/index' });
  }
  more.push({ title: '输入邀请码', description: '企业联系人、接单干部、评审专家、成果转化确认', url: '/packages/need/redeem/index' });
  if (!organizer && !reviewer) {
    more.push({ title: '出题单位评审', description: '出题单位联系人凭 8 位评审码参与评榜', url: '/packages/challenge/bind/index' });
  }
  if (!organizer && !contact) {
    more.push({ title: '绑定党组织联系人', description: '凭团组织给的绑定码接收反馈函', url: '/packages/feedback/bind/index' });
  }
  more.push({ title: '成为团组织管理员', description: '凭上级给的邀请码，或新环境的设置码', url: '/packages/user/become-organizer/index' });
  more.push({ title: '隐私与数据', description: '导出我的数据、注销账号', url: '/packages/user/privacy/index' });
  sections.push({ title: '更多', entries: more });
  return sections;
}

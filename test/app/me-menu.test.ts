import type { MeView, TodoCounts } from '../../core/views';
import { canFormTeam, meSections } from '../../src/pages/me/menu';

const person = (roles: MeView['roles']): MeView => ({
  id: 'u1',
  nickname: '',
  avatarUrl: '',
  realName: '张晓',
  unitName: '华芯微电子有限公司',
  phone: '',
  roles,
  profileComplete: true,
  isNew: false,
});
const organizer = person([{ role: 'organizer', scopeId: 'org-league-prov', scopeName: '共青团某省委员会' }]);
const contact = person([{ role: 'partyContact', scopeId: 'org-party-hx', scopeName: '华芯微电子党委' }]);
const member = person([]);
const waiting: TodoCounts = {
  teamApplications: 2,
  achievementsToConfirm: 3,
  unreadNotices: 1,
  lettersToAcknowledge: 4,
  reportsToHandle: 6,
  reviewingChallenges: 0,
  isReviewer: false,
};

const titles = (sections: ReturnType<typeof meSections>) => sections.flatMap((section) => section.entries.map((entry) => entry.title));
const entry = (sections: ReturnType<typeof meSections>, title: string) =>
  sections.flatMap((section) => section.entries).find((one) => one.title === title);

describe('我的, grouped by what the user is', () => {
  it('gives everyone 查验反馈函, and binding entries to those who may be bound', () => {
    const sections = meSections(member, waiting, 0);
    expect(titles(sections)).toEqual(expect.arrayContaining(['查验反馈函', '绑定党组织联系人', '出题单位评审']));
    expect(titles(sections)).not.toContain('待我确认的成果');
    expect(titles(sections)).not.toContain('待审核的组建申请');
    expect(titles(sections)).not.toContain('待处理的举报');
    expect(canFormTeam(member)).toBe(true);
  });

  it('gives everyone 隐私与数据 and 成为团组织管理员 under 更多, whatever their roles', () => {
    for (const someone of [member, organizer, contact]) {
      const more = meSections(someone, waiting, 0).find((section) => section.title === '更多');
      const urls = more?.entries.map((one) => one.url);
      expect(urls).toEqual(expect.arrayContaining(['/packages/user/privacy/index', '/packages/user/become-organizer/index']));
    }
  });

  it('offers 组织管理 to organizers only, beside their other management entries', () => {
    const managing = meSections(organizer, waiting, 0).find((section) => section.title === '团组织管理');
    expect(managing?.entries.find((one) => one.title === '组织管理')?.url).toBe('/packages/admin/orgs/index');
    for (const someone of [member, contact]) expect(titles(meSections(someone, waiting, 0))).not.toContain('组织管理');
  });

  it('gives organizers, and only them, the 驾驶舱: worklist, dashboard, direct contact, exports and the audit trail', () => {
    const cockpit = meSections(organizer, waiting, 0).find((section) => section.title === '驾驶舱');
    expect(cockpit?.entries.map((one) => one.url)).toEqual([
      '/packages/cockpit/worklist/index',
      '/packages/cockpit/dashboard/index',
      '/packages/contact/ledger/index',
      '/packages/cockpit/exports/index',
      '/packages/cockpit/audit/index',
    ]);
    for (const someone of [member, contact])
      expect(meSections(someone, waiting, 0).map((section) => section.title)).not.toContain('驾驶舱');
  });

  it('shows an organizer the management entries with what waits, and no 申请组建', () => {
    const sections = meSections(organizer, waiting, 5);
    expect(sections.map((section) => section.title)).toContain('团组织管理');
    expect(entry(sections, '待审核的组建申请')?.count).toBe(2);
    expect(entry(sections, '待我确认的成果')?.count).toBe(3);
    expect(entry(sections, '消息')?.count).toBe(5);
    expect(entry(sections, '待处理的举报')).toMatchObject({ url: '/packages/admin/reports/index', count: 6 });
    expect(titles(sections)).not.toContain('绑定党组织联系人');
    expect(canFormTeam(organizer)).toBe(false);
  });

  it('shows a party contact their letters with the count to 签收, and no 申请组建 or binding to a party org', () => {
    const sections = meSections(contact, waiting, 0);
    expect(entry(sections, '反馈函')?.count).toBe(4);
    expect(titles(sections)).not.toContain('待处理的举报');
    expect(titles(sections)).not.toContain('绑定党组织联系人');
    expect(canFormTeam(contact)).toBe(false);
  });

  it('shows a bound reviewer the challenges they review and what they may confirm', () => {
    const sections = meSections(member, { ...waiting, reviewingChallenges: 1, isReviewer: true }, 0);
    expect(sections.map((section) => section.title)).toContain('评审');
    expect(entry(sections, '我评审的榜单')?.count).toBe(1);
    expect(entry(sections, '待我确认的成果')?.count).toBe(3);
  });
});

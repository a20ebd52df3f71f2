export default defineAppConfig({
  pages: ['pages/home/index', 'pages/challenges/index', 'pages/progress/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/team', pages: ['apply/index', 'detail/index', 'join/index', 'refresh/index'] },
    {
      root: 'packages/challenge',
      pages: ['detail/index', 'edit/index', 'apply/index', 'claim/index', 'close/index', 'bind/index', 'reviewing/index'],
    },
    {
      root: 'packages/progress',
      pages: ['timeline/index', 'weekly/index', 'calendar/index', 'events/index', 'event/index', 'event-edit/index', 'attendance/index'],
    },
    { root: 'packages/achievement', pages: ['detail/index', 'edit/index', 'review/index'] },
    { root: 'packages/notice', pages: ['list/index', 'detail/index', 'edit/index', 'stats/index'] },
    {
      root: 'packages/feedback',
      pages: ['letters/index', 'letter/index', 'compose/index', 'contacts/index', 'bind/index', 'verify/index'],
    },
    { root: 'packages/cockpit', pages: ['worklist/index', 'dashboard/index', 'audit/index', 'exports/index'] },
    { root: 'packages/contact', pages: ['ledger/index', 'team/index'] },
    { root: 'packages/admin', pages: ['review/index', 'teams/index', 'reports/index', 'orgs/index', 'org/index', 'import/index'] },
    { root: 'packages/user', pages: ['profile/index', 'inbox/index', 'privacy/index', 'become-organizer/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '科创突击队',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '动态', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-on.png' },
      { pagePath: 'pages/challenges/index', text: '榜单', iconPath: 'assets/tab-board.png', selectedIconPath: 'assets/tab-board-on.png' },
      {
        pagePath: 'pages/progress/index',
        text: '打卡',
        iconPath: 'assets/tab-progress.png',
        selectedIconPath: 'assets/tab-progress-on.png',
      },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于活动现场定位签到，判断你是否在活动地点附近' } },
});

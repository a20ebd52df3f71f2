export default definePageConfig({ navigationBarTitleText: '榜单详情', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '我评审的榜单', enablePullDownRefresh: true });

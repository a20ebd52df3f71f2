export default definePageConfig({ navigationBarTitleText: '队伍进展', enablePullDownRefresh: true });

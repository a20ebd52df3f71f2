export default definePageConfig({ navigationBarTitleText: '我的记录日历', enablePullDownRefresh: true });

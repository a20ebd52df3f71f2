export default definePageConfig({ navigationBarTitleText: '阅读与确认', enablePullDownRefresh: true });

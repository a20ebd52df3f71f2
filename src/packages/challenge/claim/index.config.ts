export default definePageConfig({ navigationBarTitleText: '揭榜详情', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '待处理的举报', enablePullDownRefresh: true });

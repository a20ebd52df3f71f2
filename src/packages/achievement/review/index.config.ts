export default definePageConfig({ navigationBarTitleText: '待确认的成果', enablePullDownRefresh: true });

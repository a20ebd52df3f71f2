export default definePageConfig({ navigationBarTitleText: '需求接单', enablePullDownRefresh: true });

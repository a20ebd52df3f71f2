export default definePageConfig({ navigationBarTitleText: '需求全程', enablePullDownRefresh: true });

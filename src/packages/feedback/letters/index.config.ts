export default definePageConfig({ navigationBarTitleText: '反馈函', enablePullDownRefresh: true });

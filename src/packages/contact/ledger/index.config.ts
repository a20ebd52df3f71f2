export default definePageConfig({ navigationBarTitleText: '直接联系', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '本周小结', enablePullDownRefresh: true });

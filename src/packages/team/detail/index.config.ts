export default definePageConfig({ navigationBarTitleText: '突击队', enablePullDownRefresh: true, enableShareAppMessage: true });

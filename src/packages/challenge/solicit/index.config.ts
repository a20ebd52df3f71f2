export default definePageConfig({ navigationBarTitleText: '征榜评审', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '成果转化', enablePullDownRefresh: true });

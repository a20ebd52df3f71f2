export default definePageConfig({ navigationBarTitleText: '党组织联系人', enablePullDownRefresh: true });

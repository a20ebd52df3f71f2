export default definePageConfig({ navigationBarTitleText: '企业需求', enablePullDownRefresh: true, onReachBottomDistance: 120 });

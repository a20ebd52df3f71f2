export default definePageConfig({ navigationBarTitleText: '成果动态', enablePullDownRefresh: true, onReachBottomDistance: 80 });

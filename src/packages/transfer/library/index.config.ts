export default definePageConfig({ navigationBarTitleText: '科技成果库', enablePullDownRefresh: true, onReachBottomDistance: 120 });

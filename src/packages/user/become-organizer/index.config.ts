export default definePageConfig({ navigationBarTitleText: '成为团组织管理员', enablePullDownRefresh: true });

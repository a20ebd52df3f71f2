export default definePageConfig({ navigationBarTitleText: '成果详情', enablePullDownRefresh: true, enableShareAppMessage: true });

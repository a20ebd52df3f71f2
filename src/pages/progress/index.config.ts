export default definePageConfig({ navigationBarTitleText: '进展打卡', enablePullDownRefresh: false });

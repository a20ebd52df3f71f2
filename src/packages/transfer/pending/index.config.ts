export default definePageConfig({ navigationBarTitleText: '待我确认的成果转化', enablePullDownRefresh: true });

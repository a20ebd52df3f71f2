export default definePageConfig({ navigationBarTitleText: '企业与接单干部', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '所辖突击队', enablePullDownRefresh: true });

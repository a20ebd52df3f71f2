export default definePageConfig({ navigationBarTitleText: '结榜' });

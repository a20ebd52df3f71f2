export default definePageConfig({ navigationBarTitleText: '揭榜' });

export default definePageConfig({ navigationBarTitleText: '加入突击队' });

export default definePageConfig({ navigationBarTitleText: '申请组建突击队' });

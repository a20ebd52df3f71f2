export default definePageConfig({ navigationBarTitleText: '更新备案信息' });

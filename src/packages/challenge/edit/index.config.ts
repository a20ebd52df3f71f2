export default definePageConfig({ navigationBarTitleText: '编辑榜单' });

export default definePageConfig({ navigationBarTitleText: '绑定党组织联系人' });

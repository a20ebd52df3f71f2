export default definePageConfig({ navigationBarTitleText: '查验反馈函' });

export default definePageConfig({ navigationBarTitleText: '写反馈函' });

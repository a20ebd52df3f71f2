export default definePageConfig({ navigationBarTitleText: '处理需求' });

export default definePageConfig({ navigationBarTitleText: '登记成果转化' });

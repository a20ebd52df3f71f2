export default definePageConfig({ navigationBarTitleText: '从表格导入组织' });

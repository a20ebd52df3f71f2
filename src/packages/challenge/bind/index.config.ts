export default definePageConfig({ navigationBarTitleText: '出题单位评审' });

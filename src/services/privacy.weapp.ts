import Taro from '@tarojs/taro';

/**
 * The app registers no onNeedPrivacyAuthorization listener, so WeChat shows its own privacy popup
 * before any privacy API on any page. The nickname input is the exception: unauthorized, it quietly
 * falls back to a plain text field instead of asking. Pages with one call this when they open.
 */
export function askPrivacyConsent(): void {
  if (typeof Taro.getPrivacySetting !== 'function') return; // base library < 2.32.3 has no privacy step
  Taro.getPrivacySetting({
    success: ({ needAuthorization }) => {
      if (needAuthorization) Taro.requirePrivacyAuthorize({});
    },
  });
}

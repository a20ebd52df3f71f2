/** H5 has no privacy authorization step: the browser asks for what it needs itself. */
export function askPrivacyConsent(): void {}

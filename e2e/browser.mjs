/** Headless Debian Chromium through playwright-core, sized like a phone. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先 apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export async function phone(browser) {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

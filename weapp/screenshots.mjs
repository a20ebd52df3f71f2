/**
 * Pictures of the weapp renders (weapp/artifacts/pages/*.html → .png at 375 px) for a person to
 * look at, when Debian's Chromium is installed; the checks themselves do not need it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, launch, phone } from '../e2e/browser.mjs';

export async function screenshotSnapshots(dir) {
  if (!existsSync(CHROMIUM) || !existsSync(dir)) return 0;
  const browser = await launch();
  try {
    const context = await phone(browser);
    const page = await context.newPage();
    const files = readdirSync(dir).filter((name) => name.endsWith('.html'));
    for (const name of files) {
      await page.goto(pathToFileURL(path.join(dir, name)).href);
      await page.screenshot({ path: path.join(dir, name.replace(/\.html$/, '.png')), fullPage: true });
    }
    return files.length;
  } finally {
    await browser.close();
  }
}

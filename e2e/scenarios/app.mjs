/** Helpers for driving the H5 mini program as a person would. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { phone } from '../browser.mjs';

/** A phone-sized browser signed in as one demo user (or a brand-new one with openid 'new'). */
export async function signIn(env, openid) {
  const context = await phone(env.browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`    [page error] ${error.message}`));
  env.shared.lastPage = page;
  await page.goto(`${env.url}/dev/sign-in`);
  await page.locator(`form:has(input[name="openid"][value="${openid}"]) button`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/'));
  return page;
}

/** Open the app at its home page and tap a tab, as a person does. */
export async function openTab(page, env, tab) {
  await page.goto(`${env.url}/#/pages/home/index`);
  await page.waitForLoadState('networkidle');
  await page.locator('.weui-tabbar__label', { hasText: tab }).click({ force: true });
  await page.waitForLoadState('networkidle');
}

export async function open(page, env, route) {
  await page.goto(`${env.url}/#${route}`);
  await page.waitForLoadState('networkidle');
}

export function visible(page, text, exact = false) {
  return page.getByText(text, { exact }).locator('visible=true').first();
}

export async function see(page, text, timeout = 8000) {
  await visible(page, text).waitFor({ state: 'visible', timeout });
}

/** Tap where the text is shown. NutUI puts button labels under pointer-events: none, so the tap
 * lands on the button around the label, as a finger would. */
export async function tap(page, text) {
  await page.waitForLoadState('networkidle');
  const target = visible(page, text, true);
  await target.waitFor({ state: 'visible' });
  // A person's taps are a moment apart; Taro's router drops a navigation issued mid-transition.
  await page.waitForTimeout(300);
  await target.click({ force: true });
}

export async function fill(page, placeholder, value) {
  const input = page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).locator('visible=true').first();
  await input.fill(value);
}

/** Taro's H5 picker: open it (by its placeholder, or a locator of the field showing its value), move to the option, confirm. */
export async function pick(page, placeholder, option) {
  if (typeof placeholder === 'string') await tap(page, placeholder);
  else await placeholder.click({ force: true });
  const column = page.locator('.weui-picker__content').locator('visible=true').last();
  await column.waitFor();
  await page.waitForTimeout(500); // the sheet slides up; measure it once it has settled
  const items = column.locator('.weui-picker__item:not(.weui-picker__item--blank)');
  const texts = await items.allTextContents();
  const index = texts.findIndex((text) => text.trim() === option);
  assert.ok(index >= 0, `picker has no option ${option}: ${texts.join('/')}`);
  const box = await page.locator('.weui-picker__group').locator('visible=true').last().boundingBox();
  // Tapping a row scrolls it to the centre; rows below the wheel are reached by tapping the lowest one.
  for (let step = 0; step < 12; step += 1) {
    const target = await items.nth(index).boundingBox();
    const inside = target && target.y + target.height / 2 < box.y + box.height && target.y > box.y;
    const y = inside ? target.y + target.height / 2 : box.y + box.height - 12;
    await page.mouse.click(box.x + box.width / 2, y);
    await page.waitForTimeout(350);
    if (inside) break;
  }
  await page.locator('.weui-picker__action').locator('visible=true').filter({ hasText: '确定' }).click({ force: true });
  await page.waitForFunction(() => ![...document.querySelectorAll('.weui-picker__content')].some((el) => el.getClientRects().length > 0));
  await visible(page, option, true).waitFor();
}

export async function shot(page, env, name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(env.artifacts, `${name}.png`), fullPage: true });
}

export { assert };

/** Confirm the platform's modal (Taro.showModal) with its confirm button. */
export async function confirmModal(page, text) {
  const button = page.locator('.taro-modal__foot').locator('visible=true').getByText(text, { exact: true });
  await button.waitFor({ state: 'visible' });
  await page.waitForTimeout(200);
  await button.click({ force: true });
}

/** Write a reason in the NutUI dialog and confirm it. */
export async function giveReason(page, reason, confirmText) {
  const dialog = page.locator('.nut-dialog').locator('visible=true').last();
  await dialog.locator('textarea').fill(reason);
  await page.waitForTimeout(200);
  await dialog.getByText(confirmText, { exact: true }).click({ force: true });
}

/** Turn a NutUI switch on and wait until it shows on (a tap during a re-render can be dropped; a person taps again). */
export async function switchOn(page) {
  const on = page.locator('.nut-switch:not(.nut-switch-close)').locator('visible=true');
  for (let attempt = 0; attempt < 3 && (await on.count()) === 0; attempt += 1) {
    await page.locator('.nut-switch').locator('visible=true').first().click({ force: true });
    await page.waitForTimeout(300);
  }
  await on.first().waitFor({ state: 'visible' });
}

/**
 * Every page of the app, as the user it is for (the weapp tier's page catalog), at 375 and 320 px:
 * its real content shows, a screenshot is kept, and axe finds no serious or critical violation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { PERSONAS } from '../../weapp/suites/demo.mjs';
import { PAGE_CATALOG } from '../../weapp/suites/page-catalog.mjs';
import { assert, open, see, signIn } from './app.mjs';

const WIDTHS = [375, 320];
const SERIOUS = new Set(['serious', 'critical']);

function urlOf(entry) {
  const query = entry.query ? `?${new URLSearchParams(entry.query)}` : '';
  return `/${entry.route}${query}`;
}

async function checkPage(page, env, entry, width, found) {
  await page.setViewportSize({ width, height: 812 });
  await open(page, env, urlOf(entry));
  for (const text of entry.expect) await see(page, text);
  await page.waitForTimeout(200);
  const dir = path.join(env.artifacts, 'pages', String(width));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${entry.as}--${entry.route.replace(/\//g, '_')}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  for (const violation of violations.filter((one) => SERIOUS.has(one.impact))) {
    found.push(
      `${width}px ${entry.as} ${urlOf(entry)}: ${violation.id}（${violation.impact}）${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
    );
  }
}

export const pageScenarios = [
  {
    name: 'every page at 375 and 320 px shows its content, with no serious accessibility violation',
    async run(env) {
      const found = [];
      const personas = [...new Set(PAGE_CATALOG.map((entry) => entry.as))];
      for (const persona of personas) {
        const page = await signIn(env, PERSONAS[persona]);
        for (const entry of PAGE_CATALOG.filter((one) => one.as === persona)) {
          for (const width of WIDTHS) await checkPage(page, env, entry, width, found);
        }
        await page.context().close();
      }
      writeFileSync(path.join(env.artifacts, 'pages', 'axe.txt'), found.join('\n'));
      assert.deepEqual(found, [], `axe 发现 ${found.length} 处严重问题（e2e/artifacts/pages/axe.txt）：\n${found.join('\n')}`);
    },
  },
];

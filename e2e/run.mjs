/**
 * Browser tests of the H5 build against the local host: real clicks in headless Chromium,
 * screenshots kept under e2e/artifacts. Builds H5 first when dist-h5 is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLocal } from '../scripts/esbuild-local.mjs';
import { filesUnder } from '../scripts/files.mjs';
import { launch } from './browser.mjs';
import { startHost } from './host.mjs';
import { achievementScenarios } from './scenarios/achievement.mjs';
import { adminScenarios } from './scenarios/admin.mjs';
import { cockpitScenarios } from './scenarios/cockpit.mjs';
import { challengeScenarios } from './scenarios/challenge.mjs';
import { feedbackScenarios } from './scenarios/feedback.mjs';
import { needScenarios } from './scenarios/needs.mjs';
import { progressScenarios } from './scenarios/progress.mjs';
import { teamScenarios } from './scenarios/team.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'e2e/artifacts');
mkdirSync(artifacts, { recursive: true });

/** Newest modification time of the app's sources, to tell whether dist-h5 is stale. */
function newest(dir) {
  let latest = 0;
  for (const file of filesUnder(dir)) latest = Math.max(latest, file.stat.mtimeMs);
  return latest;
}

const built = path.join(root, 'dist-h5/index.html');
const stale = !existsSync(built) || Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'core'))) > statSync(built).mtimeMs;
if (stale || process.env.E2E_REBUILD === '1') {
  console.log('构建 H5…');
  execSync('npm run build:h5', { cwd: root, stdio: 'inherit' });
}

// The page catalog (shared with the weapp tier) names demo ids from the local cloud's seed.
await bundleLocal('weapp/harness/cloud-entry.ts', '.build/weapp-cloud.cjs');
const { pageScenarios } = await import('./scenarios/pages.mjs');

const host = await startHost(root);
const browser = await launch();
// The page walk only looks (it changes nothing a later scenario relies on), and runs first so it
// sees the demo world as seeded.
const groups = {
  pages: pageScenarios,
  team: teamScenarios,
  challenge: challengeScenarios,
  progress: progressScenarios,
  achievement: achievementScenarios,
  feedback: feedbackScenarios,
  cockpit: cockpitScenarios,
  admin: adminScenarios,
  needs: needScenarios,
};
// E2E_ONLY=challenge runs one group while working on it; CI runs them all.
const scenarios = process.env.E2E_ONLY ? groups[process.env.E2E_ONLY] : Object.values(groups).flat();
let passed = 0;
let failed = 0;
const shared = {};
try {
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      await scenario.run({ browser, url: host.url, artifacts, shared });
      passed += 1;
      console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(
        `  ✗ ${scenario.name}\n    ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n    ')}`,
      );
      if (shared.lastPage)
        await shared.lastPage
          .screenshot({ path: path.join(artifacts, `FAILED-${scenario.name.replace(/\W+/g, '_')}.png`) })
          .catch(() => {});
    }
  }
} finally {
  await browser.close();
  await host.stop();
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) {
  console.log(`host output:\n${host.output()}`);
  process.exit(1);
}

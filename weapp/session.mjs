/**
 * One launch of the compiled mini program for one user, running the named checks of one suite:
 *   node weapp/session.mjs <suite> <persona> [name…]
 * Prints one `RESULT <json>` line per check for weapp/run.mjs to collect. A fresh process per
 * launch, because Taro's runtime and the app's stores live for the life of the app, as in WeChat.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchMiniProgram } from './harness/mini-program.mjs';
import { PERSONAS } from './suites/demo.mjs';
import { flowChecks } from './suites/flows.mjs';
import { pageChecks } from './suites/pages.mjs';
import { SETUP_OPENID, setupChecks } from './suites/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [suite, persona, ...names] = process.argv.slice(2);
const suites = { pages: pageChecks, flows: flowChecks, setup: setupChecks };
const checks = suites[suite](persona).filter((check) => !names.length || names.includes(check.name));

// The setup suite starts a new environment without the demo world, as after `npm run deploy`.
const app =
  suite === 'setup'
    ? await launchMiniProgram({ root, openid: SETUP_OPENID, demo: false })
    : await launchMiniProgram({ root, openid: PERSONAS[persona] });
for (const check of checks) {
  const started = Date.now();
  const problemsBefore = app.problems.length;
  const report = { name: check.name, ok: true, ms: 0 };
  try {
    Object.assign(report, (await check.run(app)) ?? {});
    const problems = app.problems.slice(problemsBefore);
    if (problems.length) throw new Error(`运行中出现问题：\n${problems.join('\n')}`);
  } catch (error) {
    report.ok = false;
    report.error = String(error?.stack ?? error)
      .split('\n')
      .slice(0, 8)
      .join('\n');
  }
  report.ms = Date.now() - started;
  console.log(`RESULT ${JSON.stringify(report)}`);
}
process.exit(0);

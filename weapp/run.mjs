/**
 * The weapp tier (`npm run test:weapp`): the mini program as WeChat runs it, checked offline.
 *   1. WeChat's compilers accept every .wxml and .wxss; every script is ES5 and reads no process.env.
 *   2. dist/app.js launches in a context without Node's globals.
 *   3. DevTools' code-quality scan passes; package sizes within bench/budgets.json; privacy APIs declared.
 *   4. Every page renders its content for its user on the real Taro runtime (miniprogram-simulate),
 *      within WeChat's node, depth and setData limits; the key flows are driven through it.
 * What none of this can show (a phone's base library, the privacy popup, review) is in docs/weapp.md.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWithWeChat } from './checks/compile.mjs';
import { launchWithoutNode } from './checks/launch.mjs';
import { checkPrivacyDeclarations } from './checks/privacy.mjs';
import { checkCodeQuality, checkPackageSizes } from './checks/quality.mjs';
import { checkScriptsAreEs5 } from './checks/syntax.mjs';
import { prepare } from './prepare.mjs';
import { screenshotSnapshots } from './screenshots.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
await prepare(root);
rmSync(path.join(root, 'weapp/artifacts'), { recursive: true, force: true });
const { FLOW_JOBS, PAGE_JOBS, runSessions } = await import('./sessions.mjs');

const reports = [];
const record = (report) => {
  reports.push(report);
  const mark = report.ok ? '✓' : '✗';
  console.log(`  ${mark} ${report.name}${report.ms !== undefined ? ` (${report.ms} ms)` : ''}`);
  if (!report.ok) console.log(`    ${String(report.error).split('\n').join('\n    ')}`);
};
async function check(name, run) {
  const started = Date.now();
  try {
    record({ suite: 'build', name, ok: true, ...(await run()), ms: Date.now() - started });
  } catch (error) {
    record({ suite: 'build', name, ok: false, error: error?.message ?? String(error), ms: Date.now() - started });
  }
}

console.log('构建产物');
await check('wcc / wcsc 编译全部 WXML 与 WXSS', () => compileWithWeChat(root, dist));
await check('脚本全部为 ES5，运行时不读 process.env', () => checkScriptsAreEs5(root, dist));
await check('app.js 在没有 process/window/document 的环境中启动', () => launchWithoutNode(root, dist));
await check('隐私接口均已在部署指南中声明，且未注册 onNeedPrivacyAuthorization', () => checkPrivacyDeclarations(root));
let sizes = {};
await check('代码质量扫描（miniprogram-ci checkCodeQuality）', async () => {
  const result = await checkCodeQuality(root);
  sizes = result.sizes;
  return result;
});
await check('主包与分包体积在预算内', () => checkPackageSizes(root, sizes));

await check('页面清单覆盖 app.json 中的每一个页面', async () => {
  const { PAGE_CATALOG, declaredPages } = await import('./suites/page-catalog.mjs');
  const listed = new Set(PAGE_CATALOG.map((entry) => entry.route));
  const declared = declaredPages(JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')));
  const missing = declared.filter((route) => !listed.has(route));
  if (missing.length) throw new Error(`weapp/suites/page-catalog.mjs 缺少：${missing.join('、')}`);
  return { pages: declared.length };
});

const only = process.env.WEAPP_ONLY; // pages | flows, while working on one
console.log('页面与流程（真实 Taro 运行时 + 微信编译器 + 本地云）');
const jobs = [...(only !== 'flows' ? PAGE_JOBS : []), ...(only !== 'pages' ? FLOW_JOBS : [])];
for (const report of await runSessions(jobs)) record({ ...report, name: `[${report.suite}] ${report.name}` });

const artifacts = path.join(root, 'weapp/artifacts');
mkdirSync(artifacts, { recursive: true });
const pictures = await screenshotSnapshots(path.join(artifacts, 'pages')).catch((error) => {
  console.log(`  （截图未生成：${error.message}）`);
  return 0;
});
if (pictures) console.log(`截图：weapp/artifacts/pages/ 下 ${pictures} 张`);
writeFileSync(path.join(artifacts, 'report.json'), JSON.stringify({ sizes, reports }, null, 2));
const passed = reports.filter((report) => report.ok).length;
const failed = reports.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

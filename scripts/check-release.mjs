/** npm run release:check — refuses a release build until the env id, AppID and template ids are real. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReleaseSettings, releaseProblems } from './release-settings.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = releaseProblems(readReleaseSettings(root));
if (problems.length) {
  console.error(`还不能构建发布版本（docs/deploy.md §1、§4）：\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log('发布检查通过：云环境 ID、AppID 与订阅消息模板 ID 均已填写');

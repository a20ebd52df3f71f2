/**
 * What a release build needs filled in: the cloud env id, the AppID and every subscribe-message
 * template id. A development build may leave them empty; a release build must not.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What is missing for a release, each as a sentence that says what to change; empty when ready. */
export function releaseProblems({ cloudEnv, appid, templateIds }) {
  const problems = [];
  if (!cloudEnv) problems.push('缺少云环境 ID：在项目根目录的 .env.production 中写 TARO_APP_CLOUD_ENV=你的环境ID');
  if (!appid || appid === 'touristappid') problems.push('project.config.json 的 appid 仍是 touristappid：改为小程序的 AppID');
  const placeholders = templateIds.filter((id) => !id || id.startsWith('TEMPLATE_ID_'));
  if (placeholders.length)
    problems.push(`core/templates.ts 中还有 ${placeholders.length} 个订阅消息模板 ID 未填写：${placeholders.join('、')}`);
  return problems;
}

/** The same three values as the release build reads them. */
export function readReleaseSettings(root) {
  const envFile = path.join(root, '.env.production');
  const envLine = existsSync(envFile) ? /^\s*TARO_APP_CLOUD_ENV\s*=\s*(.*?)\s*$/m.exec(readFileSync(envFile, 'utf8')) : null;
  const cloudEnv = envLine ? envLine[1].replace(/^["']|["']$/g, '') : '';
  const { appid } = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  const templates = readFileSync(path.join(root, 'core/templates.ts'), 'utf8');
  const templateIds = [...templates.matchAll(/^\s+id: '([^']*)'/gm)].map((match) => match[1]);
  return { cloudEnv, appid, templateIds };
}

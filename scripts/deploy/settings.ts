/**
 * What `npm run deploy` needs to know, read from the process environment first and then from
 * `.env.production` (the file the release build already reads the env id from).
 */
import { existsSync, readFileSync } from 'node:fs';
import { ORG_NAME_MAX, UNIT_NAME_MAX } from '../../core/admin-rules';

export type Credentials = { envId: string; secretId: string; secretKey: string; token?: string; region?: string };

export type Settings = {
  /** The env file as the user named it, for messages. */
  envFileLabel: string;
  envId: string;
  rootOrgName: string;
  rootOrgUnit: string;
  secretId: string;
  secretKey: string;
  /** Only for temporary keys (STS). */
  token: string;
  /** Only for an environment outside ap-shanghai. */
  region: string;
};

/** KEY=value lines; `#` comments, blank lines and surrounding quotes ignored. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    values[match[1]] = match[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return values;
}

export function readSettings(envFile: string, envFileLabel: string, env: Record<string, string | undefined>): Settings {
  const file = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : {};
  const value = (key: string) => (env[key] || file[key] || '').trim();
  return {
    envFileLabel,
    envId: value('TARO_APP_CLOUD_ENV'),
    rootOrgName: value('ROOT_ORG_NAME'),
    rootOrgUnit: value('ROOT_ORG_UNIT'),
    secretId: value('TENCENTCLOUD_SECRETID'),
    secretKey: value('TENCENTCLOUD_SECRETKEY'),
    token: value('TENCENTCLOUD_SESSIONTOKEN'),
    region: value('TENCENTCLOUD_REGION'),
  };
}

/** What is missing for a plan (env id; root org names when a setup code is issued), each as a sentence. */
export function planProblems(settings: Settings, issuesSetupCode: boolean): string[] {
  const file = settings.envFileLabel;
  const problems: string[] = [];
  if (!settings.envId)
    problems.push(`缺少云环境 ID：在 ${file} 中写 TARO_APP_CLOUD_ENV=你的环境ID（云开发控制台「设置」页可以看到环境 ID）`);
  if (!issuesSetupCode) return problems;
  if (!settings.rootOrgName)
    problems.push(`缺少根团组织的名称：在 ${file} 中写 ROOT_ORG_NAME=根团组织的全称（如「共青团某某大学委员会」）`);
  else if ([...settings.rootOrgName].length > ORG_NAME_MAX) problems.push(`ROOT_ORG_NAME 太长：组织名称最多 ${ORG_NAME_MAX} 个字`);
  if (!settings.rootOrgUnit) problems.push(`缺少根团组织所在的单位：在 ${file} 中写 ROOT_ORG_UNIT=单位名称（如「某某大学」）`);
  else if ([...settings.rootOrgUnit].length > UNIT_NAME_MAX) problems.push(`ROOT_ORG_UNIT 太长：单位名称最多 ${UNIT_NAME_MAX} 个字`);
  return problems;
}

/** The API key manager-node signs its calls with, or a sentence saying exactly what is missing. */
export function credentialsOf(settings: Settings): Credentials | string {
  const missing = [!settings.secretId && 'TENCENTCLOUD_SECRETID', !settings.secretKey && 'TENCENTCLOUD_SECRETKEY'].filter(Boolean);
  if (!missing.length) {
    const { envId, secretId, secretKey, token, region } = settings;
    return { envId, secretId, secretKey, ...(token ? { token } : {}), ...(region ? { region } : {}) };
  }
  return [
    `缺少腾讯云 API 密钥：${missing.join('、')}。`,
    `  在腾讯云控制台「访问管理 → API 密钥管理」（https://console.cloud.tencent.com/cam/capi）创建密钥，得到 SecretId 和 SecretKey；`,
    `  登录腾讯云控制台时使用能管理这个云开发环境的帐号（建议新建只授予云开发权限的子用户，用它的密钥）。`,
    `  然后在运行命令的终端里设置环境变量 TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY，或写进 ${settings.envFileLabel}（写进文件时不要提交到代码仓库）。`,
    `  只想先看部署计划：npm run deploy -- --dry-run（不需要密钥）。`,
  ].join('\n');
}

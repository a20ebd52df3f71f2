/** A project to deploy from: a temp root with .env.production and the repository's real function folders. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudBaseApi } from '../../scripts/deploy/cloudbase';
import { main, type DeployIo } from '../../scripts/deploy/index';
import type { Credentials } from '../../scripts/deploy/settings';

export const repoRoot = path.resolve(__dirname, '../..');
export const realFunctionsDir = path.join(repoRoot, 'cloudfunctions');
export const realFunctionNames = readdirSync(realFunctionsDir)
  .filter((name) => existsSync(path.join(realFunctionsDir, name, 'index.ts')))
  .sort();

export const SETTINGS = {
  TARO_APP_CLOUD_ENV: 'kc-prod-1a2b',
  ROOT_ORG_NAME: '共青团示例大学委员会',
  ROOT_ORG_UNIT: '示例大学',
};
export const KEYS = { TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret-example' };

export function envFileText(values: Record<string, string>): string {
  return `# 部署设置\n${Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** A temp folder holding just an env file (for running against the repository's own functions). */
export function tempEnvFile(values: Record<string, string>): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kc-deploy-env-')), '.env.production');
  writeFileSync(file, envFileText(values));
  return file;
}

/** Each real function's config.json and package.json, with a built index.js beside them. */
export function makeProject(envValues: Record<string, string> = SETTINGS): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kc-deploy-'));
  writeFileSync(path.join(root, '.env.production'), envFileText(envValues));
  for (const name of realFunctionNames) {
    const dir = path.join(root, 'cloudfunctions', name);
    mkdirSync(dir, { recursive: true });
    for (const file of ['config.json', 'package.json']) copyFileSync(path.join(realFunctionsDir, name, file), path.join(dir, file));
    writeFileSync(path.join(dir, 'index.ts'), '');
    writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => ({ ok: true });\n');
  }
  return root;
}

export type Run = { code: number; out: string; err: string; connected: number; built: number; credentials: Credentials[] };

/** `npm run deploy -- <args>` in `root`, with `api` (if any) standing in for manager-node. */
export async function deploy(
  root: string,
  args: string[],
  options: { env?: Record<string, string>; api?: CloudBaseApi; newCode?: () => string } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let connected = 0;
  let built = 0;
  const credentials: Credentials[] = [];
  const io: DeployIo = {
    root,
    env: options.env ?? {},
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    build: () => {
      built += 1;
    },
    connect: async (given) => {
      connected += 1;
      credentials.push(given);
      if (!options.api) throw new Error('this test expected no connection');
      return options.api;
    },
    newCode: options.newCode,
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), connected, built, credentials };
}

/** The setup code as printed in its frame (ABCD-EFGH-JKLM), or null. */
export function printedCode(out: string): string | null {
  return /^\s{4}([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/m.exec(out)?.[1] ?? null;
}

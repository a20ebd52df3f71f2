/**
 * `npm run deploy -- --dry-run` against the repository's own declaration and function folders:
 * the whole plan, no network, no credentials.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES } from '../../server/db/indexes';
import { hashOrgCode } from '../../server/runtime/org-code';
import { planIndexes } from '../../scripts/deploy/plan';
import { hashPreview } from '../../scripts/deploy/print';
import { deploy, printedCode, realFunctionNames, realFunctionsDir, repoRoot, SETTINGS, tempEnvFile } from './project';

type Config = { timeout: number; permissions: { openapi: string[] }; triggers?: { name: string; config: string }[] };
const configOf = (name: string): Config => JSON.parse(readFileSync(path.join(realFunctionsDir, name, 'config.json'), 'utf8'));

describe('npm run deploy -- --dry-run', () => {
  it('prints the whole plan without credentials, without building and without connecting', async () => {
    const run = await deploy(repoRoot, ['--dry-run', '--env-file', tempEnvFile(SETTINGS)]);
    expect(run).toMatchObject({ code: 0, err: '', connected: 0, built: 0 });
    expect(run.out).toContain('云开发环境 kc-prod-1a2b');
    expect(run.out).toContain('TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY');

    const lines = run.out.split('\n');
    for (const name of COLLECTION_NAMES) {
      expect(lines).toContain(`  ${name}`);
      for (const index of planIndexes(COLLECTIONS[name])) expect(run.out).toMatch(new RegExp(`^    索引 ${index.name}：`, 'm'));
    }
    expect(run.out).toContain('索引 teamId_1_appliedAt_-1：teamId↑ + appliedAt↓');
    expect(run.out).toContain('索引 refCode_1：refCode↑（唯一）');

    expect(realFunctionNames).toContain('admin');
    for (const name of realFunctionNames) {
      const config = configOf(name);
      const line = lines.find((text) => text.startsWith(`  ${name}：`));
      expect(line).toContain(`超时 ${config.timeout} 秒`);
      expect(line).toContain(`云调用权限 ${config.permissions.openapi.join('、') || '无'}`);
      for (const trigger of config.triggers ?? []) expect(line).toContain(`定时触发器 ${trigger.name}（${trigger.config}）`);
    }
    expect(lines.find((text) => text.startsWith('  dispatch：'))).toContain('定时触发器 drainOutbox（0 */1 * * * * *）');
  });

  it('shows the admin function getting the new code only as its hash, and a sample code that matches it', async () => {
    const run = await deploy(repoRoot, ['--dry-run', '--env-file', tempEnvFile(SETTINGS)]);
    const code = printedCode(run.out);
    expect(code).not.toBeNull();
    const adminLine = run.out.split('\n').find((text) => text.startsWith('  admin：')) ?? '';
    expect(adminLine).toContain(`SETUP_CODE_HASH=新设置码的散列 ${hashPreview(hashOrgCode(code ?? ''))}`);
    expect(adminLine).toContain('ROOT_ORG_NAME=共青团示例大学委员会，ROOT_ORG_UNIT=示例大学');
    expect(adminLine).not.toContain(code);
    expect(adminLine).not.toContain(hashOrgCode(code ?? ''));
    expect(run.out).toContain('试运行：这个码只是示例');
    // A fresh code each time, never reused.
    const again = await deploy(repoRoot, ['--dry-run', '--env-file', tempEnvFile(SETTINGS)]);
    expect(printedCode(again.out)).not.toBe(code);
  });

  it('with --keep-setup-code needs no root org names, leaves the admin variables alone and prints no code', async () => {
    const run = await deploy(repoRoot, [
      '--dry-run',
      '--keep-setup-code',
      '--env-file',
      tempEnvFile({ TARO_APP_CLOUD_ENV: 'kc-prod-1a2b' }),
    ]);
    expect(run.code).toBe(0);
    expect(run.out.split('\n').find((text) => text.startsWith('  admin：'))).toContain('环境变量保持不变');
    expect(printedCode(run.out)).toBeNull();
  });

  it('still needs the env id and the root org names, and says where to write them', async () => {
    const run = await deploy(repoRoot, ['--dry-run', '--env-file', tempEnvFile({})]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('缺少云环境 ID');
    expect(run.err).toContain('TARO_APP_CLOUD_ENV=');
    expect(run.err).toContain('ROOT_ORG_NAME=');
    expect(run.err).toContain('ROOT_ORG_UNIT=');
    expect(run.out).toBe('');
  });
});

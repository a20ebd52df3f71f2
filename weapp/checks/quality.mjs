/**
 * miniprogram-ci's checkCodeQuality, the code-quality scan of WeChat DevTools (it runs offline; the
 * appid and key are placeholders it never uses for this), and the package sizes it reports held
 * to bench/budgets.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export async function checkCodeQuality(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const ci = require('miniprogram-ci');
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'kc-ci-'));
  const privateKeyPath = path.join(keyDir, 'placeholder.key');
  writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder\n-----END RSA PRIVATE KEY-----\n');
  try {
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: root,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    const results = await ci.checkCodeQuality(project);
    const failed = results.filter((item) => !item.success).map((item) => `${item.name}: ${item.text}`);
    if (failed.length) throw new Error(`代码质量扫描未通过：\n${failed.join('\n')}`);
    const sizes = results.find((item) => item.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {};
    return { checks: results.map((item) => item.name), sizes };
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

/** Main package and every subpackage within the budgets (bytes as WeChat counts them). */
export function checkPackageSizes(root, sizes) {
  const budgets = JSON.parse(readFileSync(path.join(root, 'bench/budgets.json'), 'utf8')).weapp;
  if (!sizes.__APP__) throw new Error('代码质量扫描没有报告主包体积，无法检查包体');
  const over = [];
  for (const [name, bytes] of Object.entries(sizes)) {
    // miniprogram-ci names a subpackage by its root, with or without a leading or trailing slash.
    const root = name.replace(/^\/|\/$/g, '');
    const limit = name === '__APP__' ? budgets.mainPackageBytes : (budgets.subpackageBytesByRoot?.[root] ?? budgets.subpackageBytes);
    if (bytes > limit) over.push(`${name === '__APP__' ? '主包' : name} ${bytes} 字节 > ${limit}`);
  }
  const total = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0);
  if (over.length) throw new Error(`包体超出预算：${over.join('，')}`);
  return { main: sizes.__APP__, total };
}

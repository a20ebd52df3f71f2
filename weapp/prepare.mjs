/**
 * Builds what the weapp tier runs: the weapp (when dist/ is missing or older than its sources, or
 * WEAPP_REBUILD=1), the cloud functions, and the local cloud bundle the sessions load.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleLocal } from '../scripts/esbuild-local.mjs';
import { filesUnder } from '../scripts/files.mjs';

function newest(paths) {
  let latest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const files = statSync(entry).isDirectory() ? filesUnder(entry) : [{ stat: statSync(entry) }];
    for (const file of files) latest = Math.max(latest, file.stat.mtimeMs);
  }
  return latest;
}

export async function prepare(root) {
  const built = path.join(root, 'dist/app.js');
  const sources = ['src', 'core', 'config', 'project.config.json', 'babel.config.js', 'package.json'].map((name) => path.join(root, name));
  if (!existsSync(built) || newest(sources) > statSync(built).mtimeMs || process.env.WEAPP_REBUILD === '1') {
    console.log('构建小程序（weapp）…');
    execSync('npm run build:weapp', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  execSync('npm run build:cloud', { cwd: root, stdio: 'ignore' });
  await bundleLocal('weapp/harness/cloud-entry.ts', '.build/weapp-cloud.cjs');
}

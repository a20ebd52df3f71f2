/**
 * npm run deploy [-- --dry-run | --keep-setup-code | --env-file <file>]: sets up the CloudBase
 * environment (collections, indexes, cloud functions) and prints the setup code (docs/deploy.md).
 */
import { spawnSync } from 'node:child_process';
import { bundleLocal, root } from './esbuild-local.mjs';

await bundleLocal('scripts/deploy/cli.ts', '.build/deploy.cjs');
const { status } = spawnSync(process.execPath, ['.build/deploy.cjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(status ?? 1);

/** npm run test:fault: bundle the local host and the crash-burst driver, then run it (test/fault/crash-burst.ts). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bundleLocal, root } from './esbuild-local.mjs';

await bundleLocal('devcloud/main.ts', '.build/fault/host.cjs');
await bundleLocal('test/fault/crash-burst.ts', '.build/fault/crash-burst.cjs');
execFileSync(process.execPath, [path.join(root, '.build/fault/crash-burst.cjs')], { cwd: root, stdio: 'inherit' });

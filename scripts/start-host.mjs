/** Bundle the local host (the cloud functions with the local wx-server-sdk) and run it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bundleLocal, root } from './esbuild-local.mjs';

const staticDir = process.env.STATIC_DIR ?? path.join(root, 'dist-h5');
if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.error('找不到 H5 构建产物（dist-h5/index.html）。请先运行：npm run build:h5（或直接 npm start）');
  process.exit(1);
}
const outfile = path.join(root, '.build/host.cjs');
await bundleLocal('devcloud/main.ts', '.build/host.cjs');
createRequire(import.meta.url)(outfile);

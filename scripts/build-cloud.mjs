/** Bundle each cloudfunctions/<fn>/index.ts to index.js; wx-server-sdk stays external (the cloud installs it). */
import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './esbuild-local.mjs';

const fnRoot = path.join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((name) => existsSync(path.join(fnRoot, name, 'index.ts')));
for (const name of names) {
  const outfile = path.join(fnRoot, name, 'index.js');
  await build({
    entryPoints: [path.join(fnRoot, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  });
  console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
}

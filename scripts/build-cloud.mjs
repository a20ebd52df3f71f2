/** Bundle each cloudfunctions/<fn>/index.ts to index.js; the packages its package.json lists stay external (the cloud installs them). */
import { readdirSync, existsSync, readFileSync, statSync } from 'node:fs';
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
    external: Object.keys(JSON.parse(readFileSync(path.join(fnRoot, name, 'package.json'), 'utf8')).dependencies ?? {}),
    logLevel: 'warning',
  });
  console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
}

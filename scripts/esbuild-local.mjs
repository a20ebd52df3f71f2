/** Bundling for code that runs on this machine: `wx-server-sdk` resolves to the local cloud. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const localSdk = {
  name: 'local-wx-server-sdk',
  setup(builder) {
    builder.onResolve({ filter: /^wx-server-sdk$/ }, () => ({ path: path.join(root, 'devcloud/wx-server-sdk.ts') }));
  },
};

/** One CommonJS file for Node 20, npm packages left external, the SDK swapped for the local cloud. */
export function bundleLocal(entry, outfile) {
  return build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    plugins: [localSdk],
    logLevel: 'warning',
  });
}

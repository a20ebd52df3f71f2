/** esbuild plugin: `wx-server-sdk` resolves to the local cloud wherever code runs on this machine. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const localSdk = {
  name: 'local-wx-server-sdk',
  setup(build) {
    build.onResolve({ filter: /^wx-server-sdk$/ }, () => ({ path: path.join(root, 'server/local/wx-server-sdk.ts') }));
  },
};

export { root };

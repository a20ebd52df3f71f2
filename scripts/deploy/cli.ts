/** Entry of the bundle scripts/deploy.mjs runs: the real build, the real manager-node, the terminal. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { main } from './index';

const root = process.cwd();

main(process.argv.slice(2), {
  root,
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  build: () => execFileSync(process.execPath, [path.join(root, 'scripts/build-cloud.mjs')], { cwd: root, stdio: 'inherit' }),
  connect: async (credentials) => {
    const { default: CloudBase } = await import('@cloudbase/manager-node');
    return CloudBase.init(credentials);
  },
}).then(exit, (error: unknown) => {
  console.error(error);
  exit(1);
});

/** manager-node leaves timers and sockets behind: leave once the work is done, after the output is out (the setup code must not be cut off). */
function exit(code: number) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

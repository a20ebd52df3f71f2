/** The round-trip table alone (ONLY=team or ONLY=challenge.claim to narrow it): `node scripts/round-trips.mjs`. */
import { execSync } from 'node:child_process';
import { bundleLocal, root } from './esbuild-local.mjs';

await bundleLocal('bench/round-trips/index.ts', '.build/bench-round-trips.cjs');
execSync('node .build/bench-round-trips.cjs', { cwd: root, stdio: 'inherit', env: { ...process.env, TABLE: '1' } });

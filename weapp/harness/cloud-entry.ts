/**
 * The local cloud the weapp tier's mini program talks to: the same in-memory store, openapi
 * stand-ins and demo world as the H5 host, bundled for Node by scripts/esbuild-local.mjs.
 * The built cloudfunctions/<fn>/index.js bundles resolve wx-server-sdk to `sdk` below.
 */
import sdk, { bindLocalCloud, runAs } from '../../devcloud/wx-server-sdk';
import { LocalDatabase } from '../../devcloud/store';
import { createLocalFiles } from '../../devcloud/local-files';
import { createLocalOpenApi, grantWxConsent } from '../../devcloud/openapi';
import { DEMO, seedIfEmpty } from '../../devcloud/seed';
import { armSetupCode } from '../../devcloud/setup-code';

/** `demo: false`: a new environment (no demo world) with a setup code armed, as after `npm run deploy`. */
export async function startCloud(options: { demo?: boolean } = {}) {
  const db = new LocalDatabase(null);
  const openapi = createLocalOpenApi(db);
  const files = createLocalFiles(null);
  bindLocalCloud({ db, openapi, files });
  const setupCode = options.demo === false ? await armSetupCode(db) : null;
  if (options.demo !== false) await seedIfEmpty(db);
  return { db, openapi, files, setupCode };
}

export { sdk, runAs, grantWxConsent, DEMO };

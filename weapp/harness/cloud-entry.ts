/**
 * The local cloud the weapp tier's mini program talks to: the same in-memory store, openapi
 * stand-ins and demo world as the H5 host, bundled for Node by scripts/esbuild-local.mjs.
 * The built cloudfunctions/<fn>/index.js bundles resolve wx-server-sdk to `sdk` below.
 */
import sdk, { bindLocalCloud, runAs } from '../../devcloud/wx-server-sdk';
import { LocalDatabase } from '../../devcloud/store';
import { createLocalOpenApi, grantWxConsent } from '../../devcloud/openapi';
import { DEMO, seedIfEmpty } from '../../devcloud/seed';

export async function startCloud() {
  const db = new LocalDatabase(null);
  const openapi = createLocalOpenApi(db);
  bindLocalCloud({ db, openapi });
  await seedIfEmpty(db);
  return { db, openapi };
}

export { sdk, runAs, grantWxConsent, DEMO };

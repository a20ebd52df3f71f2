/**
 * A local environment without the demo world is set up as `npm run deploy` sets up CloudBase: a
 * one-time setup code whose hash (with the root org's name) is in the admin function's environment.
 * A new code each start until one is used (SETUP_CODE fixes it, for tests); once used, none.
 */
import { formatOrgCode } from '../core/admin-rules';
import type { Database } from '../server/db/types';
import { SETUP_MARKER_ID } from '../server/handlers/admin/setup';
import { hashOrgCode, newOrgCode } from '../server/runtime/org-code';

export async function armSetupCode(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const { data } = await db.collection('orgCodes').where({ _id: SETUP_MARKER_ID }).get();
  if (data.length) return null;
  const code = env.SETUP_CODE ? env.SETUP_CODE : newOrgCode();
  env.SETUP_CODE_HASH = hashOrgCode(code);
  env.ROOT_ORG_NAME ||= '共青团某省委员会';
  env.ROOT_ORG_UNIT ||= env.ROOT_ORG_NAME;
  return formatOrgCode(code);
}

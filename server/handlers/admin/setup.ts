/**
 * The setup code of a new environment: `npm run deploy` puts only its hash (and the root org's
 * name) in the admin function's environment; the first user who enters it becomes the root org's
 * organizer, and a record of that spends it for good.
 */
export type SetupConfig = { codeHash: string; rootName: string; rootUnit: string };

export const SETUP_MARKER_ID = 'setup';
export const ROOT_ORG_ID = 'org-root';

export function setupConfig(env: NodeJS.ProcessEnv = process.env): SetupConfig | null {
  const codeHash = env.SETUP_CODE_HASH?.trim() ?? '';
  if (!/^[0-9a-f]{64}$/.test(codeHash)) return null;
  return {
    codeHash,
    rootName: env.ROOT_ORG_NAME?.trim() || '团省委',
    rootUnit: env.ROOT_ORG_UNIT?.trim() || env.ROOT_ORG_NAME?.trim() || '团省委',
  };
}

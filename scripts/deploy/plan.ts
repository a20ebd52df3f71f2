/**
 * The deploy plan: the collection and index declaration, the function folders and the setup code's
 * hash turned into what CloudBase should hold. Pure: no files, no network.
 */
import { fieldName, type CollectionDecl, type IndexDecl } from '../../server/db/indexes';
import { DeployError } from './errors';
import type { FunctionSource, Trigger } from './functions';

/** The function that receives the setup code's hash and the root org's names. */
export const ADMIN_FUNCTION = 'admin';
/** Fixed at creation (CloudBase cannot change it later); matches the bundle target of build-cloud.mjs. */
export const RUNTIME = 'Nodejs16.13';
/** Only the bundle, its package.json and config.json go up; the cloud installs dependencies itself. */
export const UPLOAD_IGNORE = ['index.ts', '*.map', 'node_modules', 'node_modules/**/*'];

export type IndexKey = { field: string; direction: '1' | '-1' };
export type PlannedIndex = { name: string; keys: IndexKey[]; unique: boolean };
export type PlannedCollection = { name: string; indexes: PlannedIndex[] };

export type PlannedFunction = {
  name: string;
  dir: string;
  timeout: number;
  openapi: string[];
  triggers: Trigger[];
  dependencies: string[];
  /** Replaces all of the function's environment variables; null leaves them as they are. */
  envVariables: Record<string, string> | null;
};

export type SetupPlan = { kind: 'issue'; hash: string; rootOrgName: string; rootOrgUnit: string } | { kind: 'keep' };

export type Plan = { envId: string; collections: PlannedCollection[]; functions: PlannedFunction[]; setup: SetupPlan };

export function indexKeys(decl: IndexDecl): IndexKey[] {
  return decl.fields.map((field) => ({ field: fieldName(field), direction: field.startsWith('-') ? '-1' : '1' }));
}

/** MongoDB's default name (field_direction…), dots made underscores: the same fields always give the same name. */
export function indexName(keys: IndexKey[]): string {
  return keys.map(({ field, direction }) => `${field.replace(/\./g, '_')}_${direction}`).join('_');
}

/** The declared indexes CloudBase needs; an index on `_id` alone is the one every collection already has. */
export function planIndexes(decl: CollectionDecl): PlannedIndex[] {
  return decl.indexes
    .filter((index) => !(index.fields.length === 1 && fieldName(index.fields[0]) === '_id'))
    .map((index) => {
      const keys = indexKeys(index);
      return { name: indexName(keys), keys, unique: index.unique === true };
    });
}

export type PlanInput = {
  envId: string;
  collections: Record<string, CollectionDecl>;
  functions: FunctionSource[];
  setup: SetupPlan;
};

export function buildPlan({ envId, collections, functions, setup }: PlanInput): Plan {
  if (!functions.some((fn) => fn.name === ADMIN_FUNCTION)) {
    throw new DeployError(`找不到 cloudfunctions/${ADMIN_FUNCTION}：设置码要写进管理员云函数的环境变量，没有它无法设置第一位管理员`);
  }
  const adminEnv =
    setup.kind === 'issue' ? { SETUP_CODE_HASH: setup.hash, ROOT_ORG_NAME: setup.rootOrgName, ROOT_ORG_UNIT: setup.rootOrgUnit } : null;
  // The admin function goes last: its new setup code takes effect only once everything else is in place.
  const ordered = [...functions].sort((a, b) => Number(a.name === ADMIN_FUNCTION) - Number(b.name === ADMIN_FUNCTION));
  return {
    envId,
    collections: Object.entries(collections).map(([name, decl]) => ({ name, indexes: planIndexes(decl) })),
    functions: ordered.map((fn) => ({
      name: fn.name,
      dir: fn.dir,
      timeout: fn.config.timeout,
      openapi: fn.config.openapi,
      triggers: fn.config.triggers,
      dependencies: fn.dependencies,
      envVariables: fn.name === ADMIN_FUNCTION ? adminEnv : null,
    })),
    setup,
  };
}

import { COLLECTIONS, COLLECTION_NAMES } from '../../server/db/indexes';
import { DeployError } from '../../scripts/deploy/errors';
import type { FunctionSource } from '../../scripts/deploy/functions';
import { ADMIN_FUNCTION, buildPlan, indexName, planIndexes, type SetupPlan } from '../../scripts/deploy/plan';

const source = (name: string, extra: Partial<FunctionSource['config']> = {}): FunctionSource => ({
  name,
  dir: `/p/cloudfunctions/${name}`,
  config: { timeout: 5, openapi: [], triggers: [], ...extra },
  dependencies: ['wx-server-sdk'],
  built: true,
});
const issue: SetupPlan = { kind: 'issue', hash: 'f'.repeat(64), rootOrgName: '共青团示例大学委员会', rootOrgUnit: '示例大学' };

describe('deploy plan', () => {
  it('names an index after its fields and directions, the same way every time', () => {
    expect(
      indexName([
        { field: 'status', direction: '1' },
        { field: 'claimDeadline', direction: '1' },
        { field: '_id', direction: '1' },
      ]),
    ).toBe('status_1_claimDeadline_1__id_1');
    expect(planIndexes({ indexes: [{ fields: ['teamId', '-appliedAt'] }] })).toEqual([
      {
        name: 'teamId_1_appliedAt_-1',
        keys: [
          { field: 'teamId', direction: '1' },
          { field: 'appliedAt', direction: '-1' },
        ],
        unique: false,
      },
    ]);
    expect(planIndexes({ indexes: [{ fields: ['roles.scopeId'] }] })[0]).toMatchObject({
      name: 'roles_scopeId_1',
      keys: [{ field: 'roles.scopeId' }],
    });
  });

  it('keeps uniqueness and leaves out an index on _id alone (every collection has it)', () => {
    const planned = planIndexes({
      indexes: [{ fields: ['_id'] }, { fields: ['-_id'] }, { fields: ['refCode'], unique: true }, { fields: ['eventId', '_id'] }],
    });
    expect(planned.map((index) => [index.name, index.unique])).toEqual([
      ['refCode_1', true],
      ['eventId_1__id_1', false],
    ]);
  });

  it('plans every declared collection and every declared index of server/db/indexes.ts', () => {
    const plan = buildPlan({ envId: 'env', collections: COLLECTIONS, functions: [source(ADMIN_FUNCTION)], setup: issue });
    expect(plan.collections.map((c) => c.name)).toEqual(COLLECTION_NAMES);
    for (const collection of plan.collections) {
      const declared = COLLECTIONS[collection.name as keyof typeof COLLECTIONS].indexes.filter(
        (index) => !(index.fields.length === 1 && index.fields[0].replace(/^-/, '') === '_id'),
      );
      expect(
        collection.indexes.map((index) => index.keys.map(({ field, direction }) => (direction === '-1' ? `-${field}` : field))),
      ).toEqual(declared.map((index) => index.fields));
      expect(new Set(collection.indexes.map((index) => index.name)).size).toBe(collection.indexes.length);
    }
    expect(plan.collections.find((c) => c.name === 'letters')?.indexes[0]).toMatchObject({ name: 'refCode_1', unique: true });
  });

  it('gives only the admin function the setup code hash and the root org, and deploys it last', () => {
    const functions = [
      source('achievement'),
      source(ADMIN_FUNCTION),
      source('dispatch', { triggers: [{ name: 'drainOutbox', type: 'timer', config: '0 */1 * * * * *' }] }),
    ];
    const plan = buildPlan({ envId: 'env', collections: {}, functions, setup: issue });
    expect(plan.functions.map((fn) => fn.name)).toEqual(['achievement', 'dispatch', ADMIN_FUNCTION]);
    expect(plan.functions.map((fn) => fn.envVariables)).toEqual([
      null,
      null,
      { SETUP_CODE_HASH: issue.hash, ROOT_ORG_NAME: '共青团示例大学委员会', ROOT_ORG_UNIT: '示例大学' },
    ]);
    expect(plan.functions[1].triggers).toEqual([{ name: 'drainOutbox', type: 'timer', config: '0 */1 * * * * *' }]);
    const kept = buildPlan({ envId: 'env', collections: {}, functions, setup: { kind: 'keep' } });
    expect(kept.functions.every((fn) => fn.envVariables === null)).toBe(true);
  });

  it('refuses a project without the admin function: the setup code would have nowhere to go', () => {
    expect(() => buildPlan({ envId: 'env', collections: {}, functions: [source('user')], setup: issue })).toThrow(DeployError);
    expect(() => buildPlan({ envId: 'env', collections: {}, functions: [source('user')], setup: issue })).toThrow('cloudfunctions/admin');
  });
});

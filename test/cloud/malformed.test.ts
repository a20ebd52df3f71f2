import type * as v from 'valibot';
import { API, FN_NAMES, type FnName } from '../../core/api';
import { ERROR_CODES } from '../../core/errors';
import { DEMO, makeWorld } from '../helpers/world';
import { VALID_INPUTS } from '../helpers/valid-inputs';

const CALLER: Record<FnName, string> = {
  user: DEMO.leaderA,
  team: DEMO.leaderA,
  challenge: DEMO.leaderA,
  progress: DEMO.leaderA,
  achievement: DEMO.leaderA,
  notice: DEMO.leaderA,
  feedback: DEMO.leaderA,
  message: DEMO.leaderA,
  report: DEMO.leaderA,
  admin: DEMO.organizer,
  cockpit: DEMO.organizer,
  contact: DEMO.organizer,
  need: DEMO.organizer,
  transfer: DEMO.leaderA,
  dispatch: '',
};

type Entries = Record<string, SchemaNode>;
type SchemaNode = { type: string; wrapped?: SchemaNode };

function baseType(node: SchemaNode): string {
  return node.wrapped ? baseType(node.wrapped) : node.type;
}

/** Wrong types, missing required fields, oversized strings and unknown keys for one action. */
function badInputs(fn: FnName, action: string): { label: string; input: Record<string, unknown> }[] {
  const valid = VALID_INPUTS[fn][action];
  const entries = (API[fn] as Record<string, { input: v.StrictObjectSchema<v.ObjectEntries, string> }>)[action].input
    .entries as unknown as Entries;
  const out: { label: string; input: Record<string, unknown> }[] = [
    { label: 'unknown key', input: { ...valid, unexpected: 1 } },
    { label: 'openid smuggled in', input: { ...valid, _openid: DEMO.organizer } },
  ];
  for (const key of Object.keys(entries)) {
    out.push({ label: `${key} as an object`, input: { ...valid, [key]: { $gt: '' } } });
    const wrongScalar = baseType(entries[key]) === 'number' ? 'not-a-number' : 12345;
    out.push({ label: `${key} as the wrong scalar`, input: { ...valid, [key]: wrongScalar } });
    if (entries[key].type !== 'optional') {
      const { [key]: _dropped, ...rest } = valid;
      out.push({ label: `${key} missing`, input: rest });
    }
    out.push({ label: `${key} oversized`, input: { ...valid, [key]: 'x'.repeat(5000) } });
  }
  return out;
}

const cases = FN_NAMES.flatMap((fn) =>
  Object.keys(API[fn]).flatMap((action) => badInputs(fn, action).map((bad) => ({ fn, action, ...bad }))),
);

describe('malformed input: every action', () => {
  it.each(cases)('$fn.$action with $label → clear error, store unchanged', async ({ fn, action, input }) => {
    const world = await makeWorld();
    const before = await world.snapshot();
    const result = await world.raw(fn, CALLER[fn], { action, ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(ERROR_CODES).toContain(result.code);
      expect(result.code).toBe('INVALID_INPUT');
      expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await world.snapshot()).toEqual(before);
  });

  it('answers an event without a known action with UNKNOWN_ACTION', async () => {
    const world = await makeWorld();
    for (const event of [null, 'me', {}, { action: 42 }, { action: 'toString' }, { action: '__proto__' }]) {
      expect(await world.raw('user', DEMO.leaderA, event)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    }
  });
});

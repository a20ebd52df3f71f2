import { API, FN_NAMES, type FnName } from '../../core/api';
import { PERSONAS, RULE_PERSONAS, type AccessRule } from '../../core/permissions';
import { DEMO, makeWorld } from '../helpers/world';
import { VALID_INPUTS } from '../helpers/valid-inputs';
import { OPENID } from '../helpers/personas';

const cases = FN_NAMES.flatMap((fn) =>
  Object.entries(API[fn]).flatMap(([action, def]) =>
    PERSONAS.map((persona) => ({ fn, action, persona, allowed: RULE_PERSONAS[(def as { access: AccessRule }).access].includes(persona) })),
  ),
);

describe('permission matrix: every action × every persona', () => {
  it('has a valid input for every action', () => {
    for (const fn of FN_NAMES) expect(Object.keys(VALID_INPUTS[fn]).sort()).toEqual(Object.keys(API[fn]).sort());
  });

  it.each(cases)('$fn.$action as $persona → allowed: $allowed', async ({ fn, action, persona, allowed }) => {
    const world = await makeWorld();
    const result = await world.raw(fn as FnName, OPENID[persona], { action, ...VALID_INPUTS[fn as FnName][action] });
    if (allowed) {
      // Allowed means the access rule let the call through; the domain may still say no (e.g. a leader leaving).
      if (!result.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(result.code);
    } else {
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('refuses every user-facing action without an identity', async () => {
    const world = await makeWorld();
    for (const fn of FN_NAMES) {
      for (const [action, def] of Object.entries(API[fn])) {
        if ((def as { access: AccessRule }).access === 'system') continue;
        const result = await world.raw(fn, '', { action, ...VALID_INPUTS[fn][action] });
        expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      }
    }
  });

  it('never takes an identity or a role from the request', async () => {
    const world = await makeWorld();
    const forged = await world.raw('team', DEMO.memberA, { action: 'pending', openid: DEMO.organizer, roles: ['organizer'] });
    expect(forged).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    // WeChat's own userInfo field is dropped, not trusted.
    const withUserInfo = await world.raw('team', DEMO.memberA, { action: 'pending', userInfo: { openId: DEMO.organizer } });
    expect(withUserInfo).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

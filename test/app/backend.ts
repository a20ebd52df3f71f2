/**
 * The H5 service layer posts to /api/<fn>. Here that request reaches a real local cloud in the
 * same process (in-memory store, seeded demo world): only the HTTP hop is replaced.
 */
import { createLocalCloud, type LocalCloud, type LocalFnName } from '../../devcloud/cloud';

/** An answer the backend has worked out but not yet delivered. */
export type HeldAnswer = { answered: Promise<void>; release: () => void };

export type Backend = {
  cloud: LocalCloud;
  signInAs: (openid: string) => void;
  calls: string[];
  /** Holds back the answer to the next `fn.action` call (as a slow network would) until released. */
  holdNext: (call: string) => HeldAnswer;
};

export async function startBackend(): Promise<Backend> {
  const cloud = await createLocalCloud({ dataDir: null });
  let openid = '';
  const calls: string[] = [];
  const holds = new Map<string, { answered: () => void; released: Promise<void> }>();
  globalThis.fetch = (async (url: string, init?: { body?: string }) => {
    const fn = String(url).replace(/^\/api\//, '') as LocalFnName;
    const event = JSON.parse(init?.body ?? '{}');
    const call = `${fn}.${event.action}`;
    calls.push(call);
    const hold = holds.get(call);
    holds.delete(call);
    const answer = await cloud.call(fn, event, openid);
    if (hold) {
      hold.answered();
      await hold.released;
    }
    return { ok: true, json: async () => answer } as Response;
  }) as typeof fetch;
  const holdNext = (call: string): HeldAnswer => {
    let answered = () => {};
    let release = () => {};
    const held = {
      answered: new Promise<void>((resolve) => (answered = resolve)),
      released: new Promise<void>((resolve) => (release = resolve)),
    };
    holds.set(call, { answered, released: held.released });
    return { answered: held.answered, release };
  };
  return { cloud, calls, signInAs: (id) => (openid = id), holdNext };
}

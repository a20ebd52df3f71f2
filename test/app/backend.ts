/**
 * The H5 service layer posts to /api/<fn>. Here that request reaches a real local cloud in the
 * same process (in-memory store, seeded demo world): only the HTTP hop is replaced.
 */
import { createLocalCloud, type LocalCloud, type LocalFnName } from '../../devcloud/cloud';

export type Backend = { cloud: LocalCloud; signInAs: (openid: string) => void; calls: string[] };

export async function startBackend(): Promise<Backend> {
  const cloud = await createLocalCloud({ dataDir: null });
  let openid = '';
  const calls: string[] = [];
  globalThis.fetch = (async (url: string, init?: { body?: string }) => {
    const fn = String(url).replace(/^\/api\//, '') as LocalFnName;
    const event = JSON.parse(init?.body ?? '{}');
    calls.push(`${fn}.${event.action}`);
    const answer = await cloud.call(fn, event, openid);
    return { ok: true, json: async () => answer } as Response;
  }) as typeof fetch;
  return { cloud, calls, signInAs: (id) => (openid = id) };
}

import { callCloud } from '../../src/services/cloud';

describe('callCloud on H5', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('answers NETWORK, not a throw, when the request fails', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await callCloud('user', 'me', {})).toEqual({ ok: false, code: 'NETWORK', message: '网络不可用，请检查网络后重试' });
  });

  it('answers INTERNAL, not NETWORK, when the service fails while answering', async () => {
    globalThis.fetch = (async () => ({
      ok: false,
      status: 500,
      json: async () => Promise.reject(new SyntaxError('Unexpected token <')),
    })) as unknown as typeof fetch;
    expect(await callCloud('user', 'me', {})).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试' });
  });

  it('refuses an answer that is not a Result instead of passing it on as success', async () => {
    globalThis.fetch = (async () => ({ json: async () => ({ hello: 'world' }) })) as unknown as typeof fetch;
    expect(await callCloud('user', 'me', {})).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('posts the action with its input to the function endpoint', async () => {
    const seen: { url: string; body: unknown }[] = [];
    globalThis.fetch = (async (url: string, init: { body: string }) => {
      seen.push({ url, body: JSON.parse(init.body) });
      return { json: async () => ({ ok: true, data: { unread: 3 } }) };
    }) as unknown as typeof fetch;
    expect(await callCloud('message', 'markRead', { all: true })).toEqual({ ok: true, data: { unread: 3 } });
    expect(seen).toEqual([{ url: '/api/message', body: { all: true, action: 'markRead' } }]);
  });
});

/**
 * The local host over real HTTP: bad requests get JSON answers, uploads are judged by their
 * bytes, dev sign-in stays on this origin and signing out ends the session on the server, and
 * nobody reaches the system actions over HTTP.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO } from '../../devcloud/seed';
import { MAX_BODY_BYTES, startHost } from '../../devcloud/host';

type Host = Awaited<ReturnType<typeof startHost>>;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b6c1d10000000049454e44ae426082',
    'hex',
  ),
]);

let host: Host;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-host-'));
  host = await startHost({ dataDir, staticDir: dataDir, port: 0, dispatchIntervalMs: 600_000 });
});

afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in through the dev sign-in form; answers the cookie to send back. */
async function signIn(openid: string, next = '/'): Promise<{ cookie: string; location: string | null }> {
  const response = await fetch(`${host.url}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid, next }).toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], location: response.headers.get('location') };
}

function api(fn: string, body: unknown, cookie = ''): Promise<Response> {
  return fetch(`${host.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

async function expectJsonFailure(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { ok: boolean; code: string; message: string };
  expect(body).toMatchObject({ ok: false, ...(code ? { code } : {}) });
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
}

function upload(cookie: string, bytes: Buffer, type: string): Promise<Response> {
  return fetch(`${host.url}/storage/upload`, { method: 'POST', headers: { 'content-type': type, cookie }, body: bytes });
}

describe('the host answers bad requests with JSON', () => {
  it('answers an over-large body with 413 JSON the client actually receives', async () => {
    const { cookie } = await signIn(DEMO.leaderA);
    const big = JSON.stringify({ action: 'me', padding: 'x'.repeat(MAX_BODY_BYTES + 512 * 1024) });
    await expectJsonFailure(await api('user', JSON.parse(big), cookie), 413, 'INVALID_INPUT');
    // The connection stays usable for the next request.
    expect(await (await api('user', { action: 'me' }, cookie)).json()).toMatchObject({ ok: true, data: { id: DEMO.leaderA } });
  });

  it('answers a 413 over node:http without resetting the connection', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 200 * 1024, 0x20);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${host.url}/api/user`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false });
  });

  it('answers a garbled, forged or percent-broken session cookie with 401 JSON', async () => {
    for (const cookie of ['kc_session=%E0%A4%A', `kc_session=${DEMO.leaderA}.0.${'A'.repeat(43)}`, 'kc_session=no-dots-at-all']) {
      const response = await api('user', { action: 'me' }, cookie);
      await expectJsonFailure(response, 401, 'UNAUTHENTICATED');
      expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
    }
  });

  it('answers a malformed percent-escape in the path with 400 JSON', async () => {
    await expectJsonFailure(await fetch(`${host.url}/storage/%E0%A4%A.png`), 400, 'INVALID_INPUT');
    await expectJsonFailure(await fetch(`${host.url}/%zz`), 400, 'INVALID_INPUT');
    await expectJsonFailure(await api('%E0%A4%A', {}), 400, 'INVALID_INPUT');
  });

  it('answers a malformed body to the subscribe stand-in with 400 JSON', async () => {
    const { cookie } = await signIn(DEMO.memberA);
    const post = (body: string) =>
      fetch(`${host.url}/api/_wx/requestSubscribeMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body,
      });
    await expectJsonFailure(await post('{not json'), 400, 'INVALID_INPUT');
    await expectJsonFailure(await post('{"tmplIds":"one"}'), 400, 'INVALID_INPUT');
    await expectJsonFailure(await post('[1,2]'), 400, 'INVALID_INPUT');
    expect(await (await post('{"tmplIds":["t1"],"accept":["t1"]}')).json()).toMatchObject({ t1: 'accept' });
  });
});

describe('uploads are judged by their bytes', () => {
  const storage = () => path.join(dataDir, 'storage', 'uploads', DEMO.leaderA);

  it('stores a real picture under the uploader and serves it with its detected type and nosniff', async () => {
    const { cookie } = await signIn(DEMO.leaderA);
    const answer = (await (await upload(cookie, PNG, 'image/png')).json()) as { ok: true; data: { fileID: string } };
    expect(answer.data.fileID).toMatch(new RegExp(`^local://uploads/${DEMO.leaderA}/\\w+\\.png$`));
    const served = await fetch(`${host.url}/storage/${answer.data.fileID.slice('local://'.length)}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses bytes that are not what they claim, or not an accepted kind, with 415 and nothing stored', async () => {
    const { cookie } = await signIn(DEMO.leaderA);
    const before = readdirSync(storage()).sort();
    await expectJsonFailure(await upload(cookie, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png'), 415);
    await expectJsonFailure(await upload(cookie, PNG, 'application/pdf'), 415);
    await expectJsonFailure(await upload(cookie, Buffer.from('MZ\x90\x00 not an image'), 'application/octet-stream'), 415);
    expect(readdirSync(storage()).sort()).toEqual(before);
    expect(before.some((name) => name.endsWith('.part') || name.endsWith('~'))).toBe(false);
  });

  it('answers an upload over the limit with 413 JSON', async () => {
    const { cookie } = await signIn(DEMO.leaderA);
    await expectJsonFailure(await upload(cookie, Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]), 'image/png'), 413, 'FILE_TOO_LARGE');
  });
});

describe('dev sign-in and sign-out', () => {
  it('goes back only to a path on this origin', async () => {
    expect((await signIn(DEMO.leaderA, '/#/pages/team/index')).location).toBe('/#/pages/team/index');
    for (const next of ['/\\evil.example', '//evil.example', 'https://evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      expect((await signIn(DEMO.leaderA, next)).location).toBe('/');
    }
    const page = await (await fetch(`${host.url}/dev/sign-in?next=${encodeURIComponent('/\\evil.example')}`)).text();
    expect(page).not.toContain('evil.example');
  });

  it('ends the session on the server when signing out, so the old cookie no longer works', async () => {
    const { cookie } = await signIn(DEMO.organizer);
    expect(await (await api('user', { action: 'me' }, cookie)).json()).toMatchObject({ ok: true, data: { id: DEMO.organizer } });
    const out = await fetch(`${host.url}/dev/sign-out`, { headers: { cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    await expectJsonFailure(await api('user', { action: 'me' }, cookie), 401, 'UNAUTHENTICATED');
    const again = await signIn(DEMO.organizer);
    expect(await (await api('user', { action: 'me' }, again.cookie)).json()).toMatchObject({ ok: true });
  });
});

describe('system actions are not reachable over HTTP', () => {
  it('refuses a forged media verdict without a session, and the real push still applies', async () => {
    const { cookie } = await signIn(DEMO.leaderA);
    const fileID = ((await (await upload(cookie, PNG, 'image/png')).json()) as { data: { fileID: string } }).data.fileID;
    const saved = (await (
      await api(
        'achievement',
        {
          action: 'save',
          teamId: DEMO.teamA,
          type: 'patent',
          title: '一种车规芯片的冗余电源切换电路',
          summary: '主电源失效后 5 微秒内切换到备用电源。',
          evidence: { kind: 'patent', ref: 'CN202610123453.6' },
          contributorIds: [DEMO.leaderA],
          images: [fileID],
          attachments: [],
          claimId: null,
          submit: false,
          requestId: 'host-test-media-1',
        },
        cookie,
      )
    ).json()) as { ok: boolean; data: { id: string } };
    expect(saved).toMatchObject({ ok: true });
    const [check] = (await host.cloud.db.collection('mediaChecks').where({ docId: saved.data.id }).get()).data;
    const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: check._id, version: 2, result: { suggest: 'pass', label: 100 } };

    await expectJsonFailure(await api('achievement', push), 200, 'FORBIDDEN');
    expect(await (await api('achievement', { action: 'mediaVerdict', traceId: check._id, suggest: 'pass' })).json()).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    // A signed-in client cannot pass one off as WeChat's either.
    expect(await (await api('achievement', push, cookie)).json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await host.cloud.db.collection('mediaChecks').doc(check._id).get()).data).toMatchObject({ status: 'pending' });

    expect(await host.cloud.deliverMediaChecks()).toBeGreaterThanOrEqual(1);
    expect((await host.cloud.db.collection('mediaChecks').doc(check._id).get()).data).toMatchObject({ status: 'pass' });
  });
});

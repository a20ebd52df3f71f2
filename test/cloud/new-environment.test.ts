/**
 * A new environment on the local host (no demo world), over real HTTP: the setup code armed at
 * start makes the first organizer, who imports an org sheet uploaded as an .xlsx; after a restart
 * on the same data the spent setup code is gone for good.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_COLUMNS } from '../../core/admin-rules';
import { startHost } from '../../devcloud/host';

type Host = Awaited<ReturnType<typeof startHost>>;
const saved = { ...process.env };
let dataDir: string;
let host: Host;

beforeAll(async () => {
  delete process.env.SETUP_CODE_HASH;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-new-env-'));
  host = await startHost({ dataDir, staticDir: dataDir, port: 0, dispatchIntervalMs: 600_000, demo: false });
});

afterAll(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.env = saved;
});

async function signInAsNew(): Promise<string> {
  const response = await fetch(`${host.url}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid: 'new', next: '/' }).toString(),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function api(fn: string, body: unknown, cookie: string) {
  const response = await fetch(`${host.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; code?: string; message?: string; data?: never };
}

it('starts empty with a setup code, which makes the first organizer once; sheets upload and import', async () => {
  expect(host.setupCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect((await host.cloud.db.collection('orgs').count()).total).toBe(0);
  const first = await signInAsNew();
  const redeemed = await api('admin', { action: 'redeemCode', code: host.setupCode }, first);
  expect(redeemed).toMatchObject({ ok: true, data: { via: 'setup', orgName: '共青团某省委员会' } });

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow([...IMPORT_COLUMNS]);
  sheet.addRow(['团组织', '某市团委', '共青团某市委员会', '共青团某省委员会']);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const uploaded = (await (
    await fetch(`${host.url}/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', cookie: first },
      body: bytes,
    })
  ).json()) as { ok: boolean; data: { fileID: string } };
  expect(uploaded.data.fileID).toMatch(/\.xlsx$/);
  expect(await api('admin', { action: 'confirmImport', fileId: uploaded.data.fileID }, first)).toMatchObject({
    ok: true,
    data: { created: 1 },
  });

  const template = (await api('admin', { action: 'importTemplate' }, first)) as unknown as { data: { url: string } };
  const served = await fetch(`${host.url}${template.data.url}`);
  expect(served.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

  const second = await signInAsNew();
  expect(await api('admin', { action: 'redeemCode', code: host.setupCode }, second)).toMatchObject({ ok: false, code: 'INVITE_INVALID' });

  await host.close();
  host = await startHost({ dataDir, staticDir: dataDir, port: 0, dispatchIntervalMs: 600_000, demo: false });
  expect(host.setupCode).toBeNull();
});

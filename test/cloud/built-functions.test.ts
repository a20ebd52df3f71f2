/**
 * The deployment units themselves: each built cloudfunctions/<fn>/index.js (what WeChat runs),
 * loaded with `wx-server-sdk` resolved to the local cloud, called through its `main`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FN_NAMES } from '../../core/api';
import { createLocalCloud } from '../../devcloud/cloud';
import { DEMO } from '../../devcloud/seed';
import { runAs } from '../../devcloud/wx-server-sdk';
import { TIMER_SOURCE } from '../../server/runtime/sdk';

const root = path.resolve(__dirname, '../../cloudfunctions');
type Main = (event: unknown) => Promise<{ ok: boolean; code?: string; data?: unknown }>;

function loadMain(fn: string): Main {
  const file = path.join(root, fn, 'index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:cloud first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file).main as Main;
}

describe('built cloud functions', () => {
  beforeAll(async () => {
    await createLocalCloud({ dataDir: null });
  });

  it('has one deployable folder per function in the contract, each with config and package files', () => {
    const folders = readdirSync(root)
      .filter((name) => existsSync(path.join(root, name, 'index.ts')))
      .sort();
    expect(folders).toEqual([...FN_NAMES].sort());
    for (const fn of folders) {
      const config = JSON.parse(readFileSync(path.join(root, fn, 'config.json'), 'utf8'));
      expect(config.timeout).toBeGreaterThanOrEqual(3);
      expect(Array.isArray(config.permissions.openapi)).toBe(true);
      const pkg = JSON.parse(readFileSync(path.join(root, fn, 'package.json'), 'utf8'));
      expect(Object.keys(pkg.dependencies)).toContain('wx-server-sdk');
      // The SDK stays external: the cloud installs it from package.json.
      expect(readFileSync(path.join(root, fn, 'index.js'), 'utf8')).toMatch(/require\("wx-server-sdk"\)/);
    }
  });

  it('user.main identifies the caller from the platform context', async () => {
    const main = loadMain('user');
    const me = await runAs(DEMO.leaderA, () => main({ action: 'me' }));
    expect(me).toMatchObject({ ok: true, data: { id: DEMO.leaderA, realName: '李航' } });
    expect(await runAs('', () => main({ action: 'me' }))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('team.main and message.main answer through the same contract', async () => {
    const teams = await runAs(DEMO.leaderA, () => loadMain('team')({ action: 'mine' }));
    expect(teams.ok && (teams.data as { id: string }[]).map((t) => t.id)).toEqual([DEMO.teamA]);
    expect(await runAs(DEMO.leaderA, () => loadMain('message')({ action: 'unreadCount' }))).toMatchObject({ ok: true });
    expect(await runAs(DEMO.leaderA, () => loadMain('team')({ action: 'nope' }))).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  it('dispatch.main runs on its timer and refuses a client, even one that imitates the timer', async () => {
    const main = loadMain('dispatch');
    const timer = await runAs('', () => main({ Type: 'Timer', TriggerName: 'drainOutbox', Time: new Date().toISOString() }), TIMER_SOURCE);
    expect(timer).toMatchObject({ ok: true, data: { flagged: 1 } });
    expect(await runAs(DEMO.leaderA, () => main({ action: 'run' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runAs(DEMO.leaderA, () => main({ Type: 'Timer' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Without a session a client is still a client: no OPENID is not the same as the platform.
    expect(await runAs('', () => main({ Type: 'Timer' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runAs('', () => main({ action: 'run' }))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

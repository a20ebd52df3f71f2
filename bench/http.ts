/** What the HTTP benches share: a local host on a fresh data dir, timed calls as signed-in users, percentiles. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHost } from '../devcloud/host';
import { loadSecret, sessionCookie } from '../devcloud/session';

export type Answer = { ok: boolean; data?: unknown; code?: string; message?: string };

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function startBenchHost(name: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kc-bench-${name}-`));
  const host = await startHost({ dataDir, staticDir: dataDir, port: 0, dispatchIntervalMs: 600_000 });
  const secret = loadSecret(dataDir);
  const cookie = (openid: string) => sessionCookie(secret, openid).split(';')[0];
  /** One cloud call over HTTP as `openid`, with how long it took. */
  async function call(openid: string, fn: string, body: object): Promise<{ answer: Answer; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${host.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(openid) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Answer;
    return { answer, ms: performance.now() - started };
  }
  async function close() {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { host, call, close };
}

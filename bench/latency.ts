/**
 * Host latency under 50 concurrent callers (user.me, team.mine, team.detail over HTTP), against
 * the raw store lookup (nedb findOne by _id, median of 5,000 in a row) measured in the same run.
 * Bundled with the local wx-server-sdk by bench/run.mjs; prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHost } from '../devcloud/host';
import { DEMO } from '../devcloud/seed';
import { loadSecret, sessionCookie } from '../devcloud/session';

const CALLERS = 50;
const ROUNDS = 20;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function concurrently(task: (caller: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const started = performance.now();
        await task(caller);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
  const host = await startHost({ dataDir, staticDir: dataDir, port: 0, dispatchIntervalMs: 60_000 });
  const secret = loadSecret(dataDir);
  const users = [DEMO.leaderA, DEMO.memberA, DEMO.leaderB, DEMO.memberB, DEMO.organizer];
  const cookies = users.map((openid) => sessionCookie(secret, openid).split(';')[0]);
  const calls = [
    { fn: 'user', body: { action: 'me' } },
    { fn: 'team', body: { action: 'mine' } },
    { fn: 'team', body: { action: 'detail', teamId: DEMO.teamA } },
  ];
  const request = async (caller: number) => {
    const call = calls[caller % calls.length];
    const response = await fetch(`${host.url}/api/${call.fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[caller % cookies.length] },
      body: JSON.stringify(call.body),
    });
    const answer = (await response.json()) as { ok: boolean };
    if (!answer.ok) throw new Error(`bench call failed: ${JSON.stringify(answer)}`);
  };
  await concurrently(request); // warm-up
  const hostSamples = await concurrently(request);

  // The yardstick: one raw lookup by _id in the same store, many times in a row (no queueing),
  // so the ratio shows what the function runtime, HTTP and the handlers add on top of the store.
  const usersStore = await host.cloud.db.store('users');
  const rawSamples: number[] = [];
  for (let i = 0; i < 6000; i += 1) {
    const started = performance.now();
    await usersStore.findOneAsync({ _id: users[i % users.length] });
    if (i >= 1000) rawSamples.push(performance.now() - started);
  }

  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  const figures = {
    callers: CALLERS,
    requests: hostSamples.length,
    hostP50Ms: percentile(hostSamples, 50),
    hostP95Ms: percentile(hostSamples, 95),
    rawP50Ms: percentile(rawSamples, 50),
    rawP95Ms: percentile(rawSamples, 95),
  };
  console.log(
    JSON.stringify({
      ...figures,
      p50RatioToRawStore: figures.hostP50Ms / figures.rawP50Ms,
      p95RatioToRawStore: figures.hostP95Ms / figures.rawP50Ms,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

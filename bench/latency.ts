/**
 * Host latency under 50 concurrent callers (user.me, team.mine, team.detail over HTTP), against a
 * bare node:http server answering the same JSON bodies, driven by the same client in the same run:
 * the ratio is what the function runtime, the session, the handlers and the store add to HTTP.
 * Bundled with the local wx-server-sdk by bench/run.mjs; prints one JSON line.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEMO } from '../devcloud/seed';
import { percentile, startBenchHost } from './http';

const CALLERS = 50;
const ROUNDS = 20;

const CALLS = [
  { fn: 'user', body: { action: 'me' } },
  { fn: 'team', body: { action: 'mine' } },
  { fn: 'team', body: { action: 'detail', teamId: DEMO.teamA } },
];
const USERS = [DEMO.leaderA, DEMO.memberA, DEMO.leaderB, DEMO.memberB, DEMO.organizer];

/** Every caller makes ROUNDS calls one after another; all callers at once. */
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

/** A server that answers each path with a fixed JSON body, as cheaply as node:http can. */
async function bareServer(bodies: Map<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = bodies.get(request.url ?? '') ?? '{}';
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main() {
  const { host, call, close } = await startBenchHost('latency');
  const hostRequest = async (caller: number) => {
    const { fn, body } = CALLS[caller % CALLS.length];
    const { answer } = await call(USERS[caller % USERS.length], fn, body);
    if (!answer.ok) throw new Error(`bench call failed: ${JSON.stringify(answer)}`);
  };
  await concurrently(hostRequest); // warm-up
  const hostSamples = await concurrently(hostRequest);

  // The yardstick answers the same bodies the host gave, to the same client, with the same headers.
  const bodies = new Map<string, string>();
  for (const [index, { fn, body }] of CALLS.entries()) {
    const { answer } = await call(USERS[index % USERS.length], fn, body);
    bodies.set(`/api/${fn}/${index}`, JSON.stringify(answer));
  }
  await close();
  const bare = await bareServer(bodies);
  const bareRequest = async (caller: number) => {
    const index = caller % CALLS.length;
    const response = await fetch(`${bare.url}/api/${CALLS[index].fn}/${index}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'kc_session=bench' },
      body: JSON.stringify(CALLS[index].body),
    });
    const answer = (await response.json()) as { ok: boolean };
    if (!answer.ok) throw new Error('bare server answered a failure');
  };
  await concurrently(bareRequest); // warm-up
  const bareSamples = await concurrently(bareRequest);
  await bare.close();
  void host;

  const figures = {
    callers: CALLERS,
    requests: hostSamples.length,
    hostP50Ms: percentile(hostSamples, 50),
    hostP95Ms: percentile(hostSamples, 95),
    bareP50Ms: percentile(bareSamples, 50),
    bareP95Ms: percentile(bareSamples, 95),
  };
  console.log(JSON.stringify({ ...figures, p95RatioToBareHttp: figures.hostP95Ms / figures.bareP95Ms }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

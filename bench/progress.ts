/**
 * The 打卡 figures on the local host over HTTP: 1,000 members each logging once within one
 * minute (a fifth of them double-submitting the same request), and 300 members signing in to one
 * event within 10 seconds (a fifth of them tapping twice). Bundled by bench/run.mjs; prints one JSON line.
 */
import type { TeamEvent } from '../core/types';
import { DEMO } from '../devcloud/seed';
import { percentile, startBenchHost } from './http';
import { seedRaceTeams } from '../devcloud/seed-race';

const LOG_MEMBERS = 1000;
const LOG_WINDOW_MS = 60_000;
const SIGN_IN_MEMBERS = 300;
const SIGN_IN_WINDOW_MS = 10_000;
const DOUBLE_EVERY = 5;

const msOf = (timed: { ms: number }) => timed.ms;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { host, call, close } = await startBenchHost('progress');
  /** Each arrival at a spread-out moment in the window, as people do; some send twice at once. */
  async function spread<T>(count: number, windowMs: number, send: (i: number) => Promise<T>): Promise<T[]> {
    return (
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          await sleep((i / count) * windowMs);
          return Promise.all(i % DOUBLE_EVERY === 0 ? [send(i), send(i)] : [send(i)]);
        }),
      )
    ).flat();
  }

  const now = Date.now();
  const loggers = await seedRaceTeams(host.cloud.db, LOG_MEMBERS, now, 'bench-log');
  const logs = await spread(LOG_MEMBERS, LOG_WINDOW_MS, (i) =>
    call(loggers[i].leaderId, 'progress', {
      action: 'log',
      teamId: loggers[i].teamId,
      content: `压测进展记录 ${i}：完成一轮回归测试。`,
      evidence: { kind: 'report', ref: `BENCH-TR-${i}` },
      requestId: `bench-log-${String(i).padStart(5, '0')}`,
    }),
  );
  const progress = await host.cloud.db.store('progress');
  const logDocs = await progress.countAsync({ teamId: { $regex: /^bench-log-/ } });
  const logEdits = await progress.countAsync({ teamId: { $regex: /^bench-log-/ }, edits: { $gt: 0 } });
  const logAudits = await (await host.cloud.db.store('audit')).countAsync({ action: 'log' });

  const attendees = await seedRaceTeams(host.cloud.db, SIGN_IN_MEMBERS, now, 'bench-ev');
  const event: TeamEvent = {
    _id: 'bench-event',
    title: '签到压测活动',
    leagueOrgId: 'org-league-prov',
    organizerId: DEMO.organizer,
    teamIds: attendees.map((one) => one.teamId),
    startAt: Date.now() - 3600_000,
    endAt: Date.now() + 3600_000,
    place: { name: '压测会场', lat: null, lng: null, radius: 200 },
    mode: 'qr',
    secret: 'bench-event-secret',
    requestId: 'bench-event',
    createdAt: now,
  };
  await (await host.cloud.db.store('events')).insertAsync(event);
  const shown = await call(DEMO.organizer, 'progress', { action: 'eventCode', eventId: event._id });
  if (!shown.answer.ok) throw new Error(`eventCode failed: ${JSON.stringify(shown.answer)}`);
  const { code } = shown.answer.data as { code: string };
  const signIns = await spread(SIGN_IN_MEMBERS, SIGN_IN_WINDOW_MS, (i) =>
    call(attendees[i].leaderId, 'progress', { action: 'signIn', eventId: event._id, method: 'code', code }),
  );
  const checkins = await (await host.cloud.db.store('eventCheckins')).countAsync({ eventId: event._id });
  const signInAudits = await (await host.cloud.db.store('audit')).countAsync({ action: 'signIn' });

  await close();
  const failures = (calls: { answer: { ok: boolean; message?: string } }[]) => calls.filter((one) => !one.answer.ok);
  console.log(
    JSON.stringify({
      logMembers: LOG_MEMBERS,
      logRequests: logs.length,
      logFailed: failures(logs).length,
      logP50Ms: percentile(logs.map(msOf), 50),
      logP95Ms: percentile(logs.map(msOf), 95),
      logDocs,
      logDuplicates: Math.abs(logDocs - LOG_MEMBERS) + logEdits + Math.abs(logAudits - LOG_MEMBERS),
      signInMembers: SIGN_IN_MEMBERS,
      signInRequests: signIns.length,
      signInFailed: failures(signIns).length,
      signInP50Ms: percentile(signIns.map(msOf), 50),
      signInP95Ms: percentile(signIns.map(msOf), 95),
      checkins,
      signInDuplicates: Math.abs(checkins - SIGN_IN_MEMBERS) + Math.abs(signInAudits - SIGN_IN_MEMBERS),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

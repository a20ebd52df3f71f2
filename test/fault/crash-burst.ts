/**
 * The fault test (npm run test:fault): a real local host in a child process takes a mixed burst
 * of writes — people completing their profiles and joining a team, team applications, progress
 * logs, notices fanned out, the dispatch timer draining the outbox — and is killed with SIGKILL
 * at a random moment, again and again, restarted on the same data each time. Then it checks what
 * must hold whatever the moment of the kill:
 * - every acknowledged write is there; nothing is there twice;
 * - every counter equals the records it counts; every change has its audit entry;
 * - every inbox message has its outbox item; no push was sent twice;
 * - the store loads without error and no journal is left over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATES } from '../../core/templates';
import { shanghaiDay } from '../../core/time';
import { DEMO } from '../../devcloud/demo-ids';
import { loadSecret, sessionCookie } from '../../devcloud/session';
import { LocalDatabase } from '../../devcloud/store';
import { VALID_INPUTS } from '../helpers/valid-inputs';

const KILLS = Number(process.env.FAULT_KILLS ?? 12);
/** People arriving in each burst (each: a new account, a profile, consent, then a join and logs or an application). */
const PEOPLE = 16;
const HOST = path.resolve(__dirname, 'host.cjs');

type Answer = { ok: boolean; code?: string; data?: unknown };
type Ack = { kind: 'join' | 'apply' | 'log' | 'notice'; doc: string; requestId?: string; userId: string };

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function startHost(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOST], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'static'), DISPATCH_INTERVAL_MS: '150' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) while starting:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

function client(dataDir: string, port: number) {
  const secret = loadSecret(dataDir);
  return async (openid: string, fn: string, body: object): Promise<Answer | null> => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: sessionCookie(secret, openid).split(';')[0] },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Answer;
    } catch {
      return null; // the host died before answering: not acknowledged
    }
  };
}

/** One burst: everything in flight at once, until the host is killed under it. */
async function burst(call: ReturnType<typeof client>, cycle: number, acks: Ack[]): Promise<void> {
  const today = shanghaiDay(Date.now());
  const person = async (index: number) => {
    const userId = `fault-${cycle}-${index}`;
    const profile = await call(userId, 'user', {
      action: 'updateProfile',
      realName: `测试${cycle}号${index}`,
      unitName: '华芯微电子有限公司',
    });
    if (!profile?.ok) return;
    // Consent to notice pushes (WeChat's dialog, then the app's record), so the timer really sends to them.
    const template = TEMPLATES.noticePublished.id;
    await call(userId, '_wx/requestSubscribeMessage', { tmplIds: [template], accept: [template] });
    await call(userId, 'message', { action: 'recordConsent', accepted: ['noticePublished'] });
    if (index % 3 === 2) {
      const requestId = `fault-apply-${cycle}-${index}`;
      const applied = await call(userId, 'team', {
        ...VALID_INPUTS.team.apply,
        action: 'apply',
        name: `故障测试${cycle}${index}青年突击队`,
        requestId,
      });
      if (applied?.ok) acks.push({ kind: 'apply', doc: (applied.data as { id: string }).id, requestId, userId });
      return;
    }
    const joined = await call(userId, 'team', { action: 'join', inviteCode: DEMO.inviteA });
    if (!joined?.ok) return;
    acks.push({ kind: 'join', doc: `${DEMO.teamA}_${userId}`, userId });
    for (let n = 0; n < 2; n += 1) {
      const requestId = `fault-log-${cycle}-${index}-${n}`;
      const logged = await call(userId, 'progress', {
        action: 'log',
        teamId: DEMO.teamA,
        content: `第 ${n + 1} 次记录：完成故障注入用例`,
        evidence: { kind: 'none', ref: '' },
        photos: [],
        requestId,
      });
      if (logged?.ok) acks.push({ kind: 'log', doc: `${DEMO.teamA}_${userId}_${today}`, requestId, userId });
    }
  };
  const notice = async () => {
    const requestId = `fault-notice-${cycle}`;
    const published = await call(DEMO.organizer, 'notice', {
      action: 'publish',
      leagueOrgId: 'org-league-prov',
      title: `第 ${cycle} 轮故障测试通知`,
      body: '请各队按时更新本周进展。',
      audience: 'allTeams',
      teamIds: [],
      requireAck: true,
      requestId,
    });
    if (published?.ok) acks.push({ kind: 'notice', doc: `nt-${requestId}`, requestId, userId: DEMO.organizer });
  };
  await Promise.all([...Array.from({ length: PEOPLE }, (_, index) => person(index)), notice()]);
}

type Problem = string;

async function check(dataDir: string, acks: Ack[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const journal = path.join(dataDir, 'journal');
  const db = new LocalDatabase(dataDir);
  const all = async (name: string) => (await db.store(name)).findAsync({}) as Promise<Record<string, unknown>[]>;
  const [teams, members, progress, notices, audit, inbox, outbox, sent] = await Promise.all(
    ['teams', 'members', 'progress', 'notices', 'audit', 'inbox', 'outbox', '_wx_sent'].map(all),
  );
  if (existsSync(journal) && readdirSync(journal).length) problems.push(`journal not cleared: ${readdirSync(journal).join(', ')}`);
  const byId = (docs: Record<string, unknown>[]) => new Map(docs.map((doc) => [String(doc._id), doc]));
  const [teamIds, memberIds, logIds, noticeIds] = [teams, members, progress, notices].map(byId);

  for (const ack of acks) {
    if (ack.kind === 'join' && !memberIds.has(ack.doc)) problems.push(`acknowledged join missing: ${ack.doc}`);
    if (ack.kind === 'apply' && !teamIds.has(ack.doc)) problems.push(`acknowledged application missing: ${ack.doc}`);
    if (ack.kind === 'notice' && !noticeIds.has(ack.doc)) problems.push(`acknowledged notice missing: ${ack.doc}`);
    if (ack.kind === 'log' && !((logIds.get(ack.doc)?.requestIds as string[] | undefined) ?? []).includes(ack.requestId ?? '')) {
      problems.push(`acknowledged log missing: ${ack.doc} ${ack.requestId}`);
    }
  }
  // Nothing twice: one team per application request, one notice per publish request.
  const requests = teams.map((team) => team.requestId).filter(Boolean);
  if (new Set(requests).size !== requests.length) problems.push('a team application was written twice');
  // Counters equal what they count.
  for (const team of teams) {
    const counted = members.filter((member) => member.teamId === team._id).length;
    if (team.status === 'registered' && team.memberCount !== counted)
      problems.push(`team ${team._id}: memberCount ${team.memberCount}, members ${counted}`);
  }
  // Every change made during the test has its audit entry.
  const audited = new Set(audit.map((entry) => String(entry.target)));
  const users = await all('users');
  for (const user of users.filter((one) => String(one._id).startsWith('fault-'))) {
    if (!audited.has(`users/${user._id}`)) problems.push(`account without audit: ${user._id}`);
  }
  for (const member of members.filter((one) => String(one.userId).startsWith('fault-'))) {
    if (!audited.has(`members/${member._id}`)) problems.push(`join without audit: ${member._id}`);
  }
  for (const team of teams.filter((one) => String(one.applicantId).startsWith('fault-'))) {
    if (!audited.has(`teams/${team._id}`)) problems.push(`application without audit: ${team._id}`);
  }
  for (const log of progress.filter((one) => String(one.userId).startsWith('fault-'))) {
    if (!audited.has(`progress/${log._id}`)) problems.push(`log without audit: ${log._id}`);
  }
  for (const notice of notices.filter((one) => String(one.requestId).startsWith('fault-'))) {
    if (!audited.has(`notices/${notice._id}`)) problems.push(`notice without audit: ${notice._id}`);
  }
  // Every inbox message has its outbox item.
  const outboxIds = byId(outbox);
  for (const message of inbox) if (!outboxIds.has(String(message._id))) problems.push(`inbox message without outbox item: ${message._id}`);
  // No push sent twice.
  const sends = new Map<string, number>();
  for (const push of sent) {
    const key = JSON.stringify([push.touser, push.templateId, push.page, push.data]);
    sends.set(key, (sends.get(key) ?? 0) + 1);
  }
  for (const [key, times] of sends) if (times > 1) problems.push(`push sent ${times} times: ${key}`);
  return problems;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-fault-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const acks: Ack[] = [];
  try {
    for (let cycle = 0; cycle < KILLS; cycle += 1) {
      const child = await startHost(dataDir, port);
      const call = client(dataDir, port);
      const killAt = 150 + Math.floor(Math.random() * 1200);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const running = burst(call, cycle, acks);
      await Promise.race([running, wait(killAt)]);
      child.kill('SIGKILL');
      await Promise.all([running, exited]);
      process.stdout.write(`kill ${cycle + 1}/${KILLS} at ${killAt} ms; ${acks.length} writes acknowledged so far\n`);
    }
    // A last clean start applies what a kill cut short, and a graceful stop.
    const child = await startHost(dataDir, port);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await wait(1500);
    child.kill('SIGTERM');
    await exited;
    const problems = await check(dataDir, acks);
    const counts = acks.reduce<Record<string, number>>((out, ack) => ({ ...out, [ack.kind]: (out[ack.kind] ?? 0) + 1 }), {});
    console.log(`acknowledged: ${JSON.stringify(counts)}`);
    if (problems.length) {
      console.error(`${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`);
      process.exit(1);
    }
    console.log(`fault test: ${KILLS} kills, every check held`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

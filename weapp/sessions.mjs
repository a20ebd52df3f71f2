/** Runs session.mjs children (one app launch per user) two at a time and collects their reports. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERSONAS } from './suites/demo.mjs';
import { FLOW_PERSONAS } from './suites/flows.mjs';
import { PAGE_CATALOG } from './suites/page-catalog.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export function runSession(suite, persona) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, 'session.mjs'), suite, persona], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const reports = stdout
        .split('\n')
        .filter((line) => line.startsWith('RESULT '))
        .map((line) => ({ suite, persona, ...JSON.parse(line.slice('RESULT '.length)) }));
      if (code !== 0 || !reports.length)
        reports.push({ suite, persona, name: `${persona} 启动`, ok: false, error: `退出码 ${code}\n${(stderr || stdout).slice(-2000)}` });
      resolve(reports);
    });
  });
}

export async function runSessions(jobs, parallel = 2) {
  const reports = [];
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) reports.push(...(await runSession(job.suite, job.persona)));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return reports;
}

export const PAGE_JOBS = [...new Set(PAGE_CATALOG.map((entry) => entry.as))].map((persona) => ({ suite: 'pages', persona }));
export const FLOW_JOBS = [...FLOW_PERSONAS.map((persona) => ({ suite: 'flows', persona })), { suite: 'setup', persona: 'newEnvironment' }];

for (const job of [...PAGE_JOBS, ...FLOW_JOBS])
  if (job.suite !== 'setup' && !PERSONAS[job.persona]) throw new Error(`unknown persona ${job.persona}`);

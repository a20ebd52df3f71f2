/**
 * A local cloud for tests: the real store (in a temp dir or in memory), seeded with the demo
 * world, and the deployable functions' handler tables behind `invoke`, with a clock tests move.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionInput, ActionName, ActionOutput, FnName } from '../../core/api';
import type { Result } from '../../core/errors';
import { run as adminRun } from '../../cloudfunctions/admin/index';
import { run as cockpitRun } from '../../cloudfunctions/cockpit/index';
import { run as contactRun } from '../../cloudfunctions/contact/index';
import { run as needRun } from '../../cloudfunctions/need/index';
import { run as transferRun } from '../../cloudfunctions/transfer/index';
import { run as achievementRun } from '../../cloudfunctions/achievement/index';
import { run as challengeRun } from '../../cloudfunctions/challenge/index';
import { run as dispatchRun } from '../../cloudfunctions/dispatch/index';
import { run as feedbackRun } from '../../cloudfunctions/feedback/index';
import { run as messageRun } from '../../cloudfunctions/message/index';
import { run as noticeRun } from '../../cloudfunctions/notice/index';
import { run as progressRun } from '../../cloudfunctions/progress/index';
import { run as reportRun } from '../../cloudfunctions/report/index';
import { run as teamRun } from '../../cloudfunctions/team/index';
import { run as userRun } from '../../cloudfunctions/user/index';
import { createLocalCloud } from '../../devcloud/cloud';
import type { LocalDatabase } from '../../devcloud/store';

export { DEMO } from '../../devcloud/seed';

const RUNS = {
  user: userRun,
  team: teamRun,
  challenge: challengeRun,
  progress: progressRun,
  achievement: achievementRun,
  notice: noticeRun,
  feedback: feedbackRun,
  message: messageRun,
  report: reportRun,
  admin: adminRun,
  cockpit: cockpitRun,
  contact: contactRun,
  need: needRun,
  transfer: transferRun,
  dispatch: dispatchRun,
};

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld(options: { onDisk?: boolean; seed?: boolean } = {}) {
  const dataDir = options.onDisk ? mkdtempSync(path.join(os.tmpdir(), 'kc-test-')) : null;
  const clock = { now: Date.UTC(2026, 10, 20, 2, 0, 0) };
  const now = () => clock.now;
  const cloud = await createLocalCloud({ dataDir, seed: options.seed, now });
  const db = cloud.db as LocalDatabase;

  function raw(fn: FnName, openid: string, event: unknown): Promise<Result<unknown>> {
    return RUNS[fn](event, { db, openid, openapi: cloud.openapi, storage: cloud.storage, now });
  }

  async function invoke<F extends FnName, A extends ActionName<F>>(
    fn: F,
    openid: string,
    action: A,
    input: ActionInput<F, A>,
  ): Promise<Result<ActionOutput<F, A>>> {
    return (await raw(fn, openid, { action, ...(input as object) })) as Result<ActionOutput<F, A>>;
  }

  /** The data of a successful call; a failure fails the test with its message. */
  async function expectOk<F extends FnName, A extends ActionName<F>>(fn: F, openid: string, action: A, input: ActionInput<F, A>) {
    const result = await invoke(fn, openid, action, input);
    if (!result.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${result.code} ${result.message}`);
    return result.data;
  }

  /** Every document of every collection, to prove a refused call wrote nothing. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const name of db.collectionNames()) {
      const { data } = await db.collection(name).orderBy('_id', 'asc').limit(1000).get();
      out[name] = data;
    }
    return out;
  }

  return {
    db,
    cloud,
    clock,
    dataDir,
    raw,
    invoke,
    expectOk,
    snapshot,
    cleanup() {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

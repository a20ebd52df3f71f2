/**
 * The whole local cloud in one object: store, openapi stand-ins, and the deployable cloud
 * functions' own `main`s, each invoked with the caller's OPENID bound as WeChat would.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../core/errors';
import { main as adminMain } from '../cloudfunctions/admin/index';
import { main as cockpitMain } from '../cloudfunctions/cockpit/index';
import { main as contactMain } from '../cloudfunctions/contact/index';
import { main as needMain } from '../cloudfunctions/need/index';
import { main as transferMain } from '../cloudfunctions/transfer/index';
import { main as achievementMain } from '../cloudfunctions/achievement/index';
import { main as challengeMain } from '../cloudfunctions/challenge/index';
import { main as progressMain } from '../cloudfunctions/progress/index';
import { main as dispatchMain } from '../cloudfunctions/dispatch/index';
import { main as feedbackMain } from '../cloudfunctions/feedback/index';
import { main as messageMain } from '../cloudfunctions/message/index';
import { main as noticeMain } from '../cloudfunctions/notice/index';
import { main as reportMain } from '../cloudfunctions/report/index';
import { main as teamMain } from '../cloudfunctions/team/index';
import { main as userMain } from '../cloudfunctions/user/index';
import { fileUrl } from '../core/files';
import { LOCAL_PUSH_SOURCE, TIMER_SOURCE, type Storage } from '../server/runtime/sdk';
import { createLocalFiles } from './local-files';
import { createLocalOpenApi, type PendingMediaCheck } from './openapi';
import { seedIfEmpty } from './seed';
import { LocalDatabase } from './store';
import { bindLocalCloud, runAs } from './wx-server-sdk';

export const FUNCTIONS = {
  user: userMain,
  team: teamMain,
  challenge: challengeMain,
  progress: progressMain,
  achievement: achievementMain,
  notice: noticeMain,
  feedback: feedbackMain,
  message: messageMain,
  report: reportMain,
  admin: adminMain,
  cockpit: cockpitMain,
  contact: contactMain,
  need: needMain,
  transfer: transferMain,
  dispatch: dispatchMain,
} as const;
export type LocalFnName = keyof typeof FUNCTIONS;
/** Functions a client may call; `dispatch` only runs from the timer. */
export const CLIENT_FUNCTIONS: LocalFnName[] = [
  'user',
  'team',
  'challenge',
  'progress',
  'achievement',
  'notice',
  'feedback',
  'message',
  'report',
  'admin',
  'cockpit',
  'contact',
  'need',
  'transfer',
];

export type LocalCloud = Awaited<ReturnType<typeof createLocalCloud>>;

export async function createLocalCloud(options: { dataDir: string | null; seed?: boolean; now?: () => number }) {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = new LocalDatabase(options.dataDir);
  const openapi = createLocalOpenApi(db, options.now);
  const files = createLocalFiles(options.dataDir ? path.join(options.dataDir, 'storage') : null);
  bindLocalCloud({ db, openapi, files });
  // local:// files are served by the host.
  const storage: Storage = {
    tempUrls: async (fileIds) => fileIds.map(fileUrl),
    read: async (fileId) => files.read(fileId),
    write: async (cloudPath, content) => files.write(cloudPath, content),
  };
  if (options.seed !== false) await seedIfEmpty(db, options.now?.());
  return {
    db,
    openapi,
    call(fn: LocalFnName, event: unknown, openid: string): Promise<Result<unknown>> {
      return runAs(openid, () => FUNCTIONS[fn](event));
    },
    storage,
    /** WeChat's side of mediaCheckAsync: push each verdict not yet delivered, as the wxa_media_check event. */
    async deliverMediaChecks(): Promise<number> {
      const { data } = await db.collection('_wx_media_checks').where({ delivered: false }).limit(100).get();
      for (const check of data as unknown as PendingMediaCheck[]) {
        await runAs(
          '',
          () =>
            FUNCTIONS.achievement({
              MsgType: 'event',
              Event: 'wxa_media_check',
              trace_id: check._id,
              version: 2,
              result: { suggest: check.suggest, label: check.suggest === 'pass' ? 100 : 20002 },
            }),
          LOCAL_PUSH_SOURCE,
        );
        await db
          .collection('_wx_media_checks')
          .doc(check._id)
          .update({ data: { delivered: true } });
      }
      return data.length;
    },
    /** What the timer trigger does in the cloud. */
    runDispatch(): Promise<Result<unknown>> {
      return runAs(
        '',
        () => FUNCTIONS.dispatch({ Type: 'Timer', TriggerName: 'drainOutbox', Time: new Date().toISOString() }),
        TIMER_SOURCE,
      );
    },
  };
}

/**
 * The local cloud's `wx-server-sdk`: what `require('wx-server-sdk')` resolves to wherever code
 * runs on this machine (the host bundle and the tests). The real SDK must never load offline.
 * `runAs` binds an OPENID and the SOURCE WeChat would report to one invocation: a client call
 * (the host's /api/<fn>, signed in or not) is `wx_client`; the timer and the media-check push
 * stand-ins pass their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '../server/db/types';
import { fileUrl } from '../core/files';
import type { CloudSdk, OpenApi } from '../server/runtime/sdk';
import type { LocalFiles } from './local-files';

type Bound = { db: Database; openapi: OpenApi; files: LocalFiles };

const invocation = new AsyncLocalStorage<{ openid: string; source: string }>();
let bound: Bound | null = null;

export function bindLocalCloud(env: Bound): void {
  bound = env;
}

export function runAs<T>(openid: string, task: () => Promise<T>, source = 'wx_client'): Promise<T> {
  return invocation.run({ openid, source }, task);
}

function env(): Bound {
  if (!bound) throw new Error('local cloud not bound: call bindLocalCloud() first');
  return bound;
}

const cloud: CloudSdk = {
  DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
  init() {},
  database: () => env().db,
  getWXContext: () => {
    const store = invocation.getStore();
    return { OPENID: store?.openid ?? '', APPID: 'local', ENV: 'local', SOURCE: store?.source ?? 'wx_client' };
  },
  openapi: {
    subscribeMessage: { send: (args) => env().openapi.subscribeMessage.send(args) },
    security: {
      msgSecCheck: (args) => env().openapi.security.msgSecCheck(args),
      mediaCheckAsync: (args) => env().openapi.security.mediaCheckAsync(args),
    },
  },
  getTempFileURL: async ({ fileList }) => ({ fileList: fileList.map((fileID) => ({ fileID, tempFileURL: fileUrl(fileID) })) }),
  downloadFile: async ({ fileID }) => ({ fileContent: env().files.read(fileID) }),
  uploadFile: async ({ cloudPath, fileContent }) => ({ fileID: env().files.write(cloudPath, fileContent) }),
};

export default cloud;

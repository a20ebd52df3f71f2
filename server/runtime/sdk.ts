import type { Database } from '../db/types';

/** Subscribe-message and content-security calls, with WeChat's shapes. Failures reject with errCode. */
export type OpenApi = {
  subscribeMessage: {
    send(args: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState?: 'developer' | 'trial' | 'formal';
    }): Promise<{ errCode: number; errMsg: string }>;
  };
  security: {
    msgSecCheck(args: { openid: string; scene: 1 | 2 | 3 | 4; version: 2; content: string }): Promise<{
      errCode: number;
      errMsg: string;
      result: { suggest: 'pass' | 'review' | 'risky'; label: number };
    }>;
    /** Starts an image check; the verdict arrives later as a wxa_media_check push carrying the trace id. */
    mediaCheckAsync(args: { mediaUrl: string; mediaType: 2; version: 2; scene: 1 | 2 | 3 | 4; openid: string }): Promise<{
      errCode: number;
      errMsg: string;
      traceId: string;
    }>;
  };
};

/** Cloud storage as the functions use it: fileIDs turned into URLs an outside service can fetch, files read and written. */
export type Storage = {
  tempUrls(fileIds: string[]): Promise<string[]>;
  read(fileId: string): Promise<Buffer>;
  /** Stores `content` at `cloudPath` (a path inside the environment's bucket) and answers its fileID. */
  write(cloudPath: string, content: Buffer): Promise<string>;
};

/** What getWXContext reports. SOURCE says what started this run, as a comma-separated chain. */
export type WXContext = { OPENID?: string; APPID?: string; ENV?: string; SOURCE?: string };

/** SOURCE of a run started by a timer trigger (getWXContext docs). */
export const TIMER_SOURCE = 'wx_trigger';
/**
 * SOURCE values of runs a mini program user can start (callFunction from a phone, the IDE, its
 * local debugging, WeChat's crawler). WeChat documents no SOURCE value for message pushes (and a
 * push may carry the OPENID of its FromUserName), so a push is recognised as a run whose SOURCE
 * chain is present and has none of these.
 */
export const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler'];
/** What the local cloud reports for its stand-in of WeChat's message push. */
export const LOCAL_PUSH_SOURCE = 'wx_unknown';

/** A run started by WeChat's own servers: a timer, a message push, or a call with the app's credentials. */
export function fromPlatform(context: WXContext): boolean {
  const chain = (context.SOURCE ?? '').split(',').map((part) => part.trim());
  return chain[0] !== '' && !chain.some((part) => CLIENT_SOURCES.includes(part));
}

/** The part of wx-server-sdk the cloud functions use; the local cloud implements the same. */
export interface CloudSdk {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options?: { env?: unknown }): void;
  database(): Database;
  getWXContext(): WXContext;
  openapi: OpenApi;
  getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
}

/** An error from an openapi call carries WeChat's errCode. */
export function errCodeOf(error: unknown): number | null {
  const code = (error as { errCode?: unknown })?.errCode;
  return typeof code === 'number' ? code : null;
}

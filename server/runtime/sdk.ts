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

/** Cloud storage as the functions use it: fileIDs turned into URLs an outside service can fetch. */
export type Storage = { tempUrls(fileIds: string[]): Promise<string[]> };

/** The part of wx-server-sdk the cloud functions use; the local cloud implements the same. */
export interface CloudSdk {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options?: { env?: unknown }): void;
  database(): Database;
  getWXContext(): { OPENID?: string; APPID?: string; ENV?: string };
  openapi: OpenApi;
  getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>;
}

/** An error from an openapi call carries WeChat's errCode. */
export function errCodeOf(error: unknown): number | null {
  const code = (error as { errCode?: unknown })?.errCode;
  return typeof code === 'number' ? code : null;
}

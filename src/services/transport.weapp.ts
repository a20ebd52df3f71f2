/** Mini program transport: WeChat cloud functions, cloud storage and the subscription dialog. */
import Taro from '@tarojs/taro';
import type { Result } from '@core/errors';
import { ServiceFault } from './call-failure';
import type { DocumentKind } from './document-kind';

export function initCloud(): void {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
}

/** WeChat reports an unreachable network as request:fail; anything else failed inside the cloud (a crash, a timeout). */
export async function invoke(fn: string, event: object): Promise<unknown> {
  try {
    return (await Taro.cloud.callFunction({ name: fn, data: event })).result;
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error);
    if (/request:fail|network|timeout/i.test(message) && !/functions? execute fail|-50400\d/.test(message)) throw error;
    throw new ServiceFault(message);
  }
}

/** In WeChat the platform identifies the user; there is no sign-in to go to. */
export function onUnauthenticated(): void {}

/** The signed-in user's id (their OPENID), asked once: the server accepts a file on a team's record only from a member's folder. */
let uploader: Promise<string> | null = null;
function uploaderId(): Promise<string> {
  uploader ??= (invoke('user', { action: 'me' }) as Promise<Result<{ id: string }>>).then((answer) => {
    if (!answer.ok) throw new ServiceFault(answer.message);
    return answer.data.id;
  });
  uploader.catch(() => (uploader = null));
  return uploader;
}

export async function uploadFile(filePath: string, folder: string): Promise<Result<string>> {
  const ext = /\.(\w+)$/.exec(filePath)?.[1] ?? 'jpg';
  const cloudPath = `${folder}/${await uploaderId()}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
  return { ok: true, data: fileID };
}

/** Must be reached from a tap handler with no await before it: WeChat only shows the dialog then. */
export async function askSubscribe(tmplIds: string[], _titles: string[]): Promise<string[]> {
  const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
    string,
    string
  >;
  return tmplIds.filter((id) => answer[id] === 'accept');
}

/** Documents from a WeChat chat (the mini program cannot browse the phone's files). */
/** The file types a chat file may have for each kind of document. */
const EXTENSIONS: Record<DocumentKind, string[]> = {
  attachment: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
  sheet: ['xlsx'],
};

export async function pickDocuments(count: number, kind: DocumentKind): Promise<{ path: string; name: string }[]> {
  const { tempFiles } = await Taro.chooseMessageFile({ count, type: 'file', extension: EXTENSIONS[kind] });
  return tempFiles.map((file) => ({ path: file.path, name: file.name }));
}

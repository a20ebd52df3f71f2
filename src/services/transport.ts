/**
 * H5 transport (Taro picks transport.weapp.ts for the mini program): the local host's HTTP
 * endpoints, which run the same cloud-function code, and its stand-in for WeChat's dialogs.
 */
import Taro from '@tarojs/taro';
import { failure, type Result } from '@core/errors';
import { ServiceFault } from './call-failure';
import type { DocumentKind } from './document-kind';

/** A rejected fetch is the network; an answer that is not JSON (a 5xx page, a reset body) is the service. */
async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  try {
    return await response.json();
  } catch {
    throw new ServiceFault(`HTTP ${response.status}`);
  }
}

export function initCloud(): void {}

export function invoke(fn: string, event: object): Promise<unknown> {
  return postJson(`/api/${fn}`, event);
}

/** No session in this browser yet: go to the local host's sign-in page and come back. */
export function onUnauthenticated(): void {
  window.location.href = `/dev/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.hash)}`;
}

export async function uploadFile(filePath: string, _folder: string): Promise<Result<string>> {
  const blob = await (await fetch(filePath)).blob();
  const response = await fetch('/storage/upload', {
    method: 'POST',
    headers: { 'content-type': blob.type },
    credentials: 'same-origin',
    body: blob,
  });
  const answer = (await response.json()) as Result<{ fileID: string }>;
  return answer.ok ? { ok: true, data: answer.data.fileID } : failure(answer.code, answer.message);
}

/** Stand-in for WeChat's subscription dialog; the host records the accept as WeChat would. */
export async function askSubscribe(tmplIds: string[], titles: string[]): Promise<string[]> {
  const { confirm } = await Taro.showModal({
    title: '订阅消息',
    content: `允许「科创突击队」向你发送${titles.map((title) => `「${title}」`).join('')}通知？（本地云模拟微信订阅弹窗）`,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const accept = confirm ? tmplIds : [];
  await postJson('/api/_wx/requestSubscribeMessage', { tmplIds, accept });
  return accept;
}

/** H5 has no chooseMessageFile: a file input stands in for it. Resolves with nothing when cancelled. */
/** What the file dialog offers for each kind of document. */
const ACCEPT: Record<DocumentKind, string> = {
  attachment: 'application/pdf,image/*',
  sheet: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function pickDocuments(count: number, kind: DocumentKind): Promise<{ path: string; name: string }[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.multiple = count > 1;
    input.onchange = () =>
      resolve([...(input.files ?? [])].slice(0, count).map((file) => ({ path: URL.createObjectURL(file), name: file.name })));
    input.click();
  });
}

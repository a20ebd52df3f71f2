/**
 * The one place that talks to the backend. On weapp: WeChat cloud functions and cloud storage.
 * On H5: the local host's HTTP endpoints, which run the same cloud-function code.
 * Every call answers a Result; nothing here throws at the caller or shows UI.
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, FnName } from '@core/api';
import { failure, type Result } from '@core/errors';
import { TEMPLATES, type TemplateKey } from '@core/templates';

const isWeapp = process.env.TARO_ENV === 'weapp';

export function initCloud(): void {
  if (isWeapp) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  }
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  return response.json();
}

/** On H5 an unauthenticated answer means the browser has no session yet: go to the dev sign-in. */
function signInAgain(): void {
  if (typeof window !== 'undefined') {
    window.location.href = `/dev/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.hash)}`;
  }
}

export async function callCloud<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  const event = { ...(input as object), action };
  try {
    const answer = isWeapp ? (await Taro.cloud.callFunction({ name: fn, data: event })).result : await postJson(`/api/${fn}`, event);
    if (!isResult(answer)) return failure('INTERNAL', '服务返回了无法识别的结果，请稍后重试');
    if (!isWeapp && !answer.ok && answer.code === 'UNAUTHENTICATED') signInAgain();
    return answer as Result<ActionOutput<F, A>>;
  } catch {
    return failure('NETWORK');
  }
}

/** Upload a picked image; answers the storage file id to save on a record. */
export async function uploadImage(filePath: string, folder: string): Promise<Result<string>> {
  try {
    if (isWeapp) {
      const ext = /\.(\w+)$/.exec(filePath)?.[1] ?? 'jpg';
      const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
      return { ok: true, data: fileID };
    }
    const blob = await (await fetch(filePath)).blob();
    const response = await fetch('/storage/upload', {
      method: 'POST',
      headers: { 'content-type': blob.type },
      credentials: 'same-origin',
      body: blob,
    });
    const answer = (await response.json()) as Result<{ fileID: string }>;
    return answer.ok ? { ok: true, data: answer.data.fileID } : answer;
  } catch {
    return failure('NETWORK', '图片上传失败，请检查网络后重试');
  }
}

async function recordConsent(accepted: TemplateKey[]) {
  if (accepted.length) await callCloud('message', 'recordConsent', { accepted });
}

/**
 * Ask for subscribe-message consent. Call it first thing in a tap handler, before any await:
 * WeChat only shows the dialog inside the user's tap. On H5 the local cloud stands in for
 * WeChat's dialog. Resolves with the keys the user accepted; never rejects.
 */
export function requestSubscribe(keys: TemplateKey[]): Promise<TemplateKey[]> {
  const tmplIds = keys.slice(0, 3).map((key) => TEMPLATES[key].id);
  const asked = isWeapp
    ? Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).then((answer) =>
        keys.filter((key) => (answer as unknown as Record<string, string>)[TEMPLATES[key].id] === 'accept'),
      )
    : Taro.showModal({
        title: '订阅消息',
        content: `允许「科创突击队」向你发送${keys.map((key) => `「${TEMPLATES[key].title}」`).join('')}通知？（本地云模拟微信订阅弹窗）`,
        confirmText: '允许',
        cancelText: '拒绝',
      }).then(async ({ confirm }) => {
        const accept = confirm ? tmplIds : [];
        await postJson('/api/_wx/requestSubscribeMessage', { tmplIds, accept });
        return confirm ? keys : [];
      });
  return asked
    .then(async (accepted) => {
      await recordConsent(accepted);
      return accepted;
    })
    .catch(() => []);
}

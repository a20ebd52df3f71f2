/**
 * The one place that talks to the backend. The platform's transport (transport.weapp.ts in the
 * mini program, transport.ts on H5) is chosen at build time, so neither build carries the other.
 * Every call answers a Result; nothing here throws at the caller or shows UI.
 */
import type { ActionInput, ActionName, ActionOutput, FnName } from '@core/api';
import { failure, type Result } from '@core/errors';
import { TEMPLATES, type TemplateKey } from '@core/templates';
import { isServiceFault } from './call-failure';
import type { DocumentKind } from './document-kind';
import * as transport from './transport';

export const initCloud = transport.initCloud;

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function callCloud<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  try {
    const answer = await transport.invoke(fn, { ...(input as object), action });
    if (!isResult(answer)) return failure('INTERNAL', '服务返回了无法识别的结果，请稍后重试');
    if (!answer.ok && answer.code === 'UNAUTHENTICATED') transport.onUnauthenticated();
    return answer as Result<ActionOutput<F, A>>;
  } catch (error) {
    return failure(isServiceFault(error) ? 'INTERNAL' : 'NETWORK');
  }
}

/** Upload a picked image or document; answers the storage file id to save on a record. */
export async function uploadFile(filePath: string, folder: string): Promise<Result<string>> {
  try {
    return await transport.uploadFile(filePath, folder);
  } catch {
    return failure('NETWORK', '上传失败，请检查网络后重试');
  }
}

/**
 * Pick documents (chat files in the mini program, a file dialog on H5): attachments (PDF, Office,
 * images) or an Excel sheet to import; nothing when cancelled.
 */
export async function pickDocuments(count: number, kind: DocumentKind = 'attachment'): Promise<{ path: string; name: string }[]> {
  try {
    return await transport.pickDocuments(count, kind);
  } catch {
    return [];
  }
}

/**
 * Ask for subscribe-message consent. Call it first thing in a tap handler, before any await:
 * WeChat only shows the dialog inside the user's tap. Resolves with the accepted keys; never rejects.
 */
export function requestSubscribe(keys: TemplateKey[]): Promise<TemplateKey[]> {
  const asked = keys.slice(0, 3);
  const ids = asked.map((key) => TEMPLATES[key].id);
  return transport
    .askSubscribe(
      ids,
      asked.map((key) => TEMPLATES[key].title),
    )
    .then(async (acceptedIds) => {
      const accepted = asked.filter((key) => acceptedIds.includes(TEMPLATES[key].id));
      if (accepted.length) await callCloud('message', 'recordConsent', { accepted });
      return accepted;
    })
    .catch(() => []);
}

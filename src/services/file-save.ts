/**
 * H5 (Taro picks file-save.weapp.ts for the mini program): a JSON file the browser downloads, a
 * stored file downloaded. Both platforms answer the same: write the file, then
 * offer it to the user.
 */
import { failure, type Result } from '@core/errors';

export type SavedFile = { fileName: string; path: string };

/** What the button that offers the file says, and whether the offer may follow the write at once. */
export const OFFER_LABEL = '再次下载';
export const OFFERS_AT_ONCE = true;

export async function writeJsonFile(day: string, data: unknown): Promise<Result<SavedFile>> {
  try {
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    return { ok: true, data: { fileName: `科创突击队-我的数据-${day}.json`, path: URL.createObjectURL(blob) } };
  } catch {
    return failure('INTERNAL', '无法生成文件，请稍后重试');
  }
}

export async function offerFile(file: SavedFile): Promise<Result<null>> {
  const link = document.createElement('a');
  link.href = file.path;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return { ok: true, data: null };
}

/** A file from cloud storage (a template to fill in), downloaded by the browser under its own name. */
export async function openRemoteFile(file: { url: string; fileName: string }): Promise<Result<null>> {
  return offerFile({ fileName: file.fileName, path: file.url });
}

/**
 * Mini program (stored files are opened in WeChat's document viewer):
 * the JSON file is written to the user data folder and offered with shareFileMessage,
 * so the user can send it to themselves in a chat. WeChat allows that only in a tap, so the page
 * shows a button for it after the file is written.
 */
import Taro from '@tarojs/taro';
import { failure, type Result } from '@core/errors';

export type SavedFile = { fileName: string; path: string };

export const OFFER_LABEL = '发送到聊天';
export const OFFERS_AT_ONCE = false;

export function writeJsonFile(day: string, data: unknown): Promise<Result<SavedFile>> {
  const path = `${Taro.env.USER_DATA_PATH ?? ''}/my-data-${day}.json`;
  return new Promise((resolve) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: JSON.stringify(data, null, 2),
      encoding: 'utf8',
      success: () => resolve({ ok: true, data: { fileName: `科创突击队-我的数据-${day}.json`, path } }),
      fail: () => resolve(failure('INTERNAL', '无法在手机上保存文件，请检查存储空间后重试')),
    });
  });
}

export async function offerFile(file: SavedFile): Promise<Result<null>> {
  try {
    await Taro.shareFileMessage({ filePath: file.path, fileName: file.fileName });
    return { ok: true, data: null };
  } catch (error) {
    // Closing the chat picker is the user's choice, not a failure to report.
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))) return { ok: true, data: null };
    return failure('INTERNAL', '无法发送文件，请稍后重试');
  }
}

/**
 * A file from cloud storage (a template to fill in), downloaded by its fileID (cloud storage needs
 * no download-domain allow-list, unlike a temporary URL) and opened in WeChat's viewer, whose menu
 * lets the user send it to a chat or open it in another app.
 */
export async function openRemoteFile(file: { fileId: string; fileName: string }): Promise<Result<null>> {
  const fileType = /\.(\w+)$/.exec(file.fileName)?.[1] ?? 'xlsx';
  try {
    const downloaded = await Taro.cloud.downloadFile({ fileID: file.fileId });
    if (downloaded.statusCode !== 200) return failure('NETWORK', '下载失败，请稍后重试');
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: fileType as 'xlsx', showMenu: true });
    return { ok: true, data: null };
  } catch {
    return failure('NETWORK', '无法下载或打开文件，请检查网络后重试');
  }
}

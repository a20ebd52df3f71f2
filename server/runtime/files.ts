/**
 * Whose upload a file is. The local host stores uploads as `local://uploads/<openid>/<name>`; the
 * mini program uploads to `cloud://<env>.<bucket>/<folder>/<openid>/<name>` (services/transport.weapp.ts).
 */
import { AppError } from '../../core/errors';
import type { Member } from '../../core/types';

export function uploaderOf(fileId: string): string | null {
  const local = /^local:\/\/[^/]+\/([\w-]+)\/[^/]+$/.exec(fileId);
  if (local) return local[1];
  const cloud = /^cloud:\/\/[^/]+\/[^/]+\/([\w-]+)\/[^/]+$/.exec(fileId);
  return cloud ? cloud[1] : null;
}

/** Files newly put on a team's record must have been uploaded by one of its members; ones already on it stay. */
export function requireTeamFiles(members: Member[], fileIds: string[], already: string[]): void {
  const known = new Set(already);
  const memberIds = new Set(members.map((member) => member.userId));
  const foreign = fileIds.filter((fileId) => !known.has(fileId) && !memberIds.has(uploaderOf(fileId) ?? ''));
  if (foreign.length) throw new AppError('INVALID_INPUT', '图片和附件须由本队成员上传，请重新上传后再保存');
}

/** Files newly put on a person's own record (their progress photos, their avatar) must be their own uploads. */
export function requireOwnFiles(userId: string, fileIds: string[], already: string[]): void {
  const known = new Set(already);
  if (fileIds.some((fileId) => !known.has(fileId) && uploaderOf(fileId) !== userId)) {
    throw new AppError('INVALID_INPUT', '只能使用自己上传的图片，请重新上传后再提交');
  }
}

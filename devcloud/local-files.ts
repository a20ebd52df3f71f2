/**
 * Cloud storage on this machine, as the functions' SDK sees it (`downloadFile` / `uploadFile`):
 * files under `<dataDir>/storage`, named `local://<relative path>` — the same tree the host serves
 * uploads from — or kept in memory for a store without a data directory (tests).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type LocalFiles = {
  read(fileId: string): Buffer;
  write(cloudPath: string, content: Buffer): string;
};

const PREFIX = 'local://';

/** The path inside storage: `local://<path>`, or `cloud://<env>/<path>` as the weapp tier's uploads are named. */
function relativeOf(fileId: string): string {
  const cloud = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  if (!fileId.startsWith(PREFIX) && !cloud) throw Object.assign(new Error(`not a local file: ${fileId}`), { errCode: -503003 });
  const relative = path.posix.normalize(cloud ? cloud[1] : fileId.slice(PREFIX.length));
  if (relative.startsWith('..') || path.posix.isAbsolute(relative)) throw Object.assign(new Error('bad path'), { errCode: -503003 });
  return relative;
}

export function createLocalFiles(storageDir: string | null): LocalFiles {
  const memory = new Map<string, Buffer>();
  return {
    read(fileId) {
      const relative = relativeOf(fileId);
      if (!storageDir) {
        const found = memory.get(relative);
        if (!found) throw Object.assign(new Error('file not found'), { errCode: -503003 });
        return found;
      }
      try {
        return readFileSync(path.join(storageDir, relative));
      } catch {
        throw Object.assign(new Error('file not found'), { errCode: -503003 });
      }
    },
    write(cloudPath, content) {
      const relative = relativeOf(`${PREFIX}${cloudPath}`);
      if (!storageDir) {
        memory.set(relative, content);
      } else {
        const file = path.join(storageDir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${randomBytes(4).toString('hex')}.part`;
        writeFileSync(temporary, content);
        renameSync(temporary, file);
      }
      return `${PREFIX}${relative}`;
    },
  };
}

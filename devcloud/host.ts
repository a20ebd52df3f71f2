/**
 * The local host: one Node process that serves the H5 build, runs the cloud functions behind
 * POST /api/<fn>, stands in for WeChat's subscription dialog and file storage, and drains the
 * outbox on an interval like the cloud's timer trigger.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { failure } from '../core/errors';
import { find } from '../server/db/query';
import { CLIENT_FUNCTIONS, createLocalCloud, type LocalCloud, type LocalFnName } from './cloud';
import { grantWxConsent } from './openapi';
import { CLEAR_COOKIE, loadSecret, openidFromCookie, sessionCookie } from './session';
import { groupUsers, signInPage } from './sign-in-page';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
/** What the local storage accepts: pictures, and PDF for achievement attachments. */
const UPLOAD_EXT: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

export type HostOptions = { dataDir: string; staticDir: string; port: number; host?: string; dispatchIntervalMs?: number };

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { tooLarge: true }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function serveFile(res: ServerResponse, file: string, cache: string) {
  res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': cache });
  createReadStream(file).pipe(res);
}

/** A path inside `root`, or null when the request tries to climb out of it. */
function inside(root: string, urlPath: string): string | null {
  const resolved = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

export async function startHost(options: HostOptions) {
  const dataDir = path.resolve(options.dataDir);
  const staticDir = path.resolve(options.staticDir);
  const storageDir = path.join(dataDir, 'storage');
  mkdirSync(storageDir, { recursive: true });
  const cloud: LocalCloud = await createLocalCloud({ dataDir });
  const secret = loadSecret(dataDir);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    const openid = openidFromCookie(secret, req.headers.cookie);

    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      const fn = url.pathname.slice('/api/'.length);
      if (fn === '_wx/requestSubscribeMessage') return requestSubscribe(req, res, openid);
      if (!CLIENT_FUNCTIONS.includes(fn as LocalFnName)) return sendJson(res, 404, failure('UNKNOWN_ACTION', `没有名为「${fn}」的云函数`));
      let event: unknown;
      try {
        event = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8') || '{}');
      } catch (error) {
        const tooLarge = (error as { tooLarge?: boolean }).tooLarge;
        return sendJson(res, tooLarge ? 413 : 400, failure('INVALID_INPUT', tooLarge ? '提交的内容过大' : '请求格式不正确'));
      }
      return sendJson(res, 200, await cloud.call(fn as LocalFnName, event, openid));
    }

    if (url.pathname === '/dev/sign-in') {
      if (req.method === 'POST') {
        const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
        let chosen = form.get('openid') ?? '';
        if (chosen === 'new') chosen = `local-${randomBytes(6).toString('hex')}`;
        const next = form.get('next') ?? '/';
        if (!/^[\w-]{1,64}$/.test(chosen)) return sendJson(res, 400, failure('INVALID_INPUT', '用户编号不正确'));
        res.writeHead(303, {
          location: next.startsWith('/') && !next.startsWith('//') ? next : '/',
          'set-cookie': sessionCookie(secret, chosen),
        });
        return res.end();
      }
      const users = await find(cloud.db, 'users', {}, { orderBy: [['createdAt', 'asc']], limit: 200 });
      const members = await find(cloud.db, 'members', {});
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(signInPage(groupUsers(users, members), url.searchParams.get('next') ?? '/'));
    }
    if (url.pathname === '/dev/sign-out') {
      res.writeHead(303, { location: '/dev/sign-in', 'set-cookie': CLEAR_COOKIE });
      return res.end();
    }

    if (url.pathname === '/storage/upload' && req.method === 'POST') return upload(req, res, openid);
    if (url.pathname.startsWith('/storage/') && req.method === 'GET') {
      const file = inside(storageDir, url.pathname.slice('/storage'.length));
      if (!file || !existsSync(file) || !statSync(file).isFile()) return sendJson(res, 404, failure('NOT_FOUND', '文件不存在'));
      return serveFile(res, file, 'public, max-age=86400');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('INVALID_INPUT', '不支持的请求方法'));
    const file = inside(staticDir, url.pathname);
    if (file && existsSync(file) && statSync(file).isFile()) return serveFile(res, file, 'public, max-age=300');
    const index = path.join(staticDir, 'index.html');
    if (!existsSync(index)) return sendJson(res, 503, failure('INTERNAL', '尚未构建 H5 页面：请先运行 npm run build:h5'));
    return serveFile(res, index, 'no-cache');
  }

  /** Stand-in for WeChat's subscription dialog on H5: the accepted ones are granted like WeChat would. */
  async function requestSubscribe(req: IncomingMessage, res: ServerResponse, openid: string) {
    if (!openid) return sendJson(res, 401, failure('UNAUTHENTICATED'));
    const body = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8') || '{}') as { tmplIds?: unknown; accept?: unknown };
    const ids = Array.isArray(body.tmplIds) ? body.tmplIds.filter((id): id is string => typeof id === 'string').slice(0, 3) : [];
    const accepted = new Set(Array.isArray(body.accept) ? body.accept : []);
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of ids) {
      answer[id] = accepted.has(id) ? 'accept' : 'reject';
      if (accepted.has(id)) await grantWxConsent(cloud.db, openid, id, Date.now());
    }
    return sendJson(res, 200, answer);
  }

  async function upload(req: IncomingMessage, res: ServerResponse, openid: string) {
    if (!openid) return sendJson(res, 401, failure('UNAUTHENTICATED'));
    const ext = UPLOAD_EXT[(req.headers['content-type'] ?? '').split(';')[0].trim()];
    if (!ext) return sendJson(res, 415, failure('INVALID_INPUT', '只能上传 PNG、JPG、GIF、WEBP 图片或 PDF 文件'));
    let data: Buffer;
    try {
      data = await readBody(req, MAX_UPLOAD_BYTES);
    } catch {
      return sendJson(res, 413, failure('FILE_TOO_LARGE'));
    }
    const dir = (relative: string) => path.join(storageDir, relative);
    const relative = `uploads/${openid}/${Date.now().toString(36)}${randomBytes(4).toString('hex')}${ext}`;
    mkdirSync(path.dirname(dir(relative)), { recursive: true });
    await writeFile(dir(relative), data);
    return sendJson(res, 200, { ok: true, data: { fileID: `local://${relative}` } });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[host]', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });

  let draining = false;
  const timer = setInterval(async () => {
    if (draining) return;
    draining = true;
    try {
      await cloud.deliverMediaChecks();
      await cloud.runDispatch();
    } finally {
      draining = false;
    }
  }, options.dispatchIntervalMs ?? 5000);

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    cloud,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cloud.db.compact();
    },
  };
}

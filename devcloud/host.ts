/**
 * The local host: one Node process that serves the H5 build, runs the cloud functions behind
 * POST /api/<fn>, stands in for WeChat's subscription dialog and file storage, and drains the
 * outbox on an interval like the cloud's timer trigger.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { failure, type ErrorCode } from '../core/errors';
import { find } from '../server/db/query';
import { armSetupCode } from './setup-code';
import { CLIENT_FUNCTIONS, createLocalCloud, type LocalCloud, type LocalFnName } from './cloud';
import { grantWxConsent } from './openapi';
import { CLEAR_COOKIE, createSessions } from './session';
import { groupUsers, sameOriginPath, signInPage } from './sign-in-page';
import { declaredType, sniff } from './sniff';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Past its limit a body is still read (and dropped) up to this much, so the client gets the 413 instead of a reset. */
const DRAIN_BYTES = 32 * 1024 * 1024;

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
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const UPLOAD_KINDS = '只能上传 PNG、JPG、GIF、WEBP 图片、PDF 文件或 Excel（.xlsx）表格';

export type HostOptions = {
  dataDir: string;
  staticDir: string;
  port: number;
  host?: string;
  dispatchIntervalMs?: number;
  /** false: a new environment without the demo world, set up with a setup code as after `npm run deploy`. */
  demo?: boolean;
};

/** A request answered with a JSON failure and an HTTP status, from wherever it is thrown. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    /** Close the connection after answering (the rest of the body was not read). */
    readonly close = false,
  ) {
    super(message);
  }
}

/** The body, or a 413 once it passes `limit`; the excess is read and dropped so the answer reaches the client. */
function readBody(req: IncomingMessage, limit: number, tooLarge: () => HttpFailure): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + DRAIN_BYTES) {
        req.pause();
        const failure = tooLarge();
        reject(new HttpFailure(failure.status, failure.code, failure.message, true));
      }
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return readBody(req, limit, () => new HttpFailure(413, 'INVALID_INPUT', '提交的内容过大，请删减后重试')).then((body) => {
    try {
      return JSON.parse(body.toString('utf8') || '{}') as unknown;
    } catch {
      throw new HttpFailure(400, 'INVALID_INPUT', '请求格式不正确');
    }
  });
}

const SAFE_HEADERS = { 'x-content-type-options': 'nosniff' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SAFE_HEADERS, ...headers });
  res.end(text);
}

function serveFile(res: ServerResponse, file: string, cache: string) {
  const stream = createReadStream(file);
  // A read that fails (out of file handles, the file gone since the stat) answers or ends this
  // response; it never takes the host down.
  stream.on('error', () => {
    if (res.headersSent) res.destroy();
    else sendJson(res, 500, failure('INTERNAL', '文件暂时读取失败，请稍后重试'));
  });
  stream.on('open', () => {
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cache,
      ...SAFE_HEADERS,
    });
    stream.pipe(res);
  });
}

/** A path inside `root`, or null when the request tries to climb out of it. */
function inside(root: string, decodedPath: string): string | null {
  const resolved = path.resolve(root, `.${decodedPath}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

export async function startHost(options: HostOptions) {
  const dataDir = path.resolve(options.dataDir);
  const staticDir = path.resolve(options.staticDir);
  const storageDir = path.join(dataDir, 'storage');
  mkdirSync(storageDir, { recursive: true });
  const cloud: LocalCloud = await createLocalCloud({ dataDir, seed: options.demo !== false });
  const setupCode = options.demo === false ? await armSetupCode(cloud.db) : null;
  const sessions = createSessions(dataDir);

  /** The signed-in OPENID, '' without a session; a forged, garbled or signed-out cookie is a 401. */
  function caller(req: IncomingMessage): string {
    const session = sessions.read(req.headers.cookie);
    if (session.kind === 'invalid') throw new HttpFailure(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
    return session.kind === 'valid' ? session.openid : '';
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpFailure(400, 'INVALID_INPUT', '请求地址不正确');
    const url = new URL(`http://local${target}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpFailure(400, 'INVALID_INPUT', '请求地址中有无法识别的转义字符');
    }
    if (pathname.includes('\0')) throw new HttpFailure(400, 'INVALID_INPUT', '请求地址不正确');

    if (pathname.startsWith('/api/') && req.method === 'POST') {
      const fn = pathname.slice('/api/'.length);
      if (fn === '_wx/requestSubscribeMessage') return requestSubscribe(req, res, caller(req));
      if (!CLIENT_FUNCTIONS.includes(fn as LocalFnName)) return sendJson(res, 404, failure('UNKNOWN_ACTION', `没有名为「${fn}」的云函数`));
      const openid = caller(req);
      const event = await readJson(req, MAX_BODY_BYTES);
      return sendJson(res, 200, await cloud.call(fn as LocalFnName, event, openid));
    }

    if (pathname === '/dev/sign-in') {
      if (req.method === 'POST') {
        const body = await readBody(req, 16 * 1024, () => new HttpFailure(413, 'INVALID_INPUT', '提交的内容过大'));
        const form = new URLSearchParams(body.toString('utf8'));
        let chosen = form.get('openid') ?? '';
        if (chosen === 'new') chosen = `local-${randomBytes(6).toString('hex')}`;
        if (!/^[\w-]{1,64}$/.test(chosen)) return sendJson(res, 400, failure('INVALID_INPUT', '用户编号不正确'));
        res.writeHead(303, { location: sameOriginPath(form.get('next')), 'set-cookie': sessions.cookie(chosen) });
        return res.end();
      }
      const users = await find(cloud.db, 'users', {}, { orderBy: [['createdAt', 'asc']], limit: 200 });
      const members = await find(cloud.db, 'members', {});
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...SAFE_HEADERS });
      return res.end(signInPage(groupUsers(users, members), url.searchParams.get('next') ?? '/'));
    }
    if (pathname === '/dev/sign-out') {
      const session = sessions.read(req.headers.cookie);
      if (session.kind === 'valid') sessions.signOut(session.openid);
      res.writeHead(303, { location: '/dev/sign-in', 'set-cookie': CLEAR_COOKIE });
      return res.end();
    }

    if (pathname === '/storage/upload' && req.method === 'POST') return upload(req, res, caller(req));
    if (pathname.startsWith('/storage/') && req.method === 'GET') {
      const file = inside(storageDir, pathname.slice('/storage'.length));
      if (!file || !existsSync(file) || !statSync(file).isFile()) return sendJson(res, 404, failure('NOT_FOUND', '文件不存在'));
      return serveFile(res, file, 'public, max-age=86400');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('INVALID_INPUT', '不支持的请求方法'));
    const file = inside(staticDir, pathname);
    if (file && existsSync(file) && statSync(file).isFile()) return serveFile(res, file, 'public, max-age=300');
    const index = path.join(staticDir, 'index.html');
    if (!existsSync(index)) return sendJson(res, 503, failure('INTERNAL', '尚未构建 H5 页面：请先运行 npm run build:h5'));
    return serveFile(res, index, 'no-cache');
  }

  /** Stand-in for WeChat's subscription dialog on H5: the accepted ones are granted like WeChat would. */
  async function requestSubscribe(req: IncomingMessage, res: ServerResponse, openid: string) {
    if (!openid) return sendJson(res, 401, failure('UNAUTHENTICATED'));
    const body = await readJson(req, 16 * 1024);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpFailure(400, 'INVALID_INPUT', '请求格式不正确');
    const { tmplIds, accept } = body as { tmplIds?: unknown; accept?: unknown };
    if (!Array.isArray(tmplIds) || (accept !== undefined && !Array.isArray(accept))) {
      throw new HttpFailure(400, 'INVALID_INPUT', '请求格式不正确：需要模板编号列表');
    }
    const ids = tmplIds.filter((id): id is string => typeof id === 'string').slice(0, 3);
    const accepted = new Set(Array.isArray(accept) ? accept : []);
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of ids) {
      answer[id] = accepted.has(id) ? 'accept' : 'reject';
      if (accepted.has(id)) await grantWxConsent(cloud.db, openid, id, Date.now());
    }
    return sendJson(res, 200, answer);
  }

  /** Stores what the bytes say it is (not what the client declared), whole or not at all. */
  async function upload(req: IncomingMessage, res: ServerResponse, openid: string) {
    if (!openid) return sendJson(res, 401, failure('UNAUTHENTICATED'));
    const data = await readBody(req, MAX_UPLOAD_BYTES, () => new HttpFailure(413, 'FILE_TOO_LARGE'));
    const kind = sniff(data);
    const declared = declaredType(req.headers['content-type']);
    if (!kind) throw new HttpFailure(415, 'INVALID_INPUT', UPLOAD_KINDS);
    if (declared && declared !== kind.mime) throw new HttpFailure(415, 'INVALID_INPUT', `文件内容与声明的类型不符，${UPLOAD_KINDS}`);
    const relative = `uploads/${openid}/${Date.now().toString(36)}${randomBytes(4).toString('hex')}${kind.ext}`;
    const file = path.join(storageDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    // Written under a temporary name, flushed, then renamed: a crash never leaves a truncated file under the real name.
    const temporary = `${file}.${randomBytes(4).toString('hex')}.part`;
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return sendJson(res, 200, { ok: true, data: { fileID: `local://${relative}` } });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (error instanceof HttpFailure) {
        if (res.headersSent) return res.end();
        const clear: Record<string, string> = error.status === 401 ? { 'set-cookie': CLEAR_COOKIE } : {};
        sendJson(
          res,
          error.status,
          failure(error.code, error.message || undefined),
          error.close ? { ...clear, connection: 'close' } : clear,
        );
        if (error.close) res.on('finish', () => req.destroy());
        return;
      }
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
    /** The code that makes the first organizer of an environment without the demo world, until used. */
    setupCode,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cloud.db.compact();
    },
  };
}

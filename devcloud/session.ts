/** Signed session cookies for the local host's dev sign-in. Never part of a weapp build. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SESSION_COOKIE = 'kc_session';

export function loadSecret(dataDir: string): string {
  const file = path.join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function sign(secret: string, openid: string): string {
  return createHmac('sha256', secret).update(openid).digest('base64url');
}

export function sessionCookie(secret: string, openid: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(`${openid}.${sign(secret, openid)}`)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}

export const CLEAR_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The OPENID a request's cookie vouches for, or '' when there is no valid session. */
export function openidFromCookie(secret: string, header: string | undefined): string {
  const raw = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  if (!raw) return '';
  const value = decodeURIComponent(raw.slice(SESSION_COOKIE.length + 1));
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return '';
  const openid = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(secret, openid));
  return given.length === expected.length && timingSafeEqual(given, expected) ? openid : '';
}

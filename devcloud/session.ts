/**
 * Signed session cookies for the local host's dev sign-in. Never part of a weapp build.
 * A cookie names the user and their session generation; signing out moves the generation on,
 * so every cookie issued before it stops working on the server, not just in this browser.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SESSION_COOKIE = 'kc_session';

export function loadSecret(dataDir: string): string {
  const file = path.join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function sessionCookie(secret: string, openid: string, generation = 0): string {
  const payload = `${openid}.${generation}`;
  return `${SESSION_COOKIE}=${payload}.${sign(secret, payload)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}

export const CLEAR_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

/** No session cookie; a valid one; or one that is malformed, forged or signed out. */
export type SessionState = { kind: 'none' } | { kind: 'valid'; openid: string } | { kind: 'invalid' };

/** The session cookie's payload and signature if it is well-formed and signed with `secret`. */
function verified(secret: string, header: string | undefined): SessionState & { generation?: number } {
  const raw = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  if (raw === undefined) return { kind: 'none' };
  const value = raw.slice(SESSION_COOKIE.length + 1);
  if (value === '') return { kind: 'none' };
  const match = /^([\w-]{1,64})\.(\d{1,9})\.([\w-]{43})$/.exec(value);
  if (!match) return { kind: 'invalid' };
  const [, openid, generation] = match;
  const given = Buffer.from(match[3]);
  const expected = Buffer.from(sign(secret, `${openid}.${generation}`));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid' };
  return { kind: 'valid', openid, generation: Number(generation) };
}

/** Session generations per user, kept in the data directory so a restart does not revive a signed-out cookie. */
export function createSessions(dataDir: string) {
  const secret = loadSecret(dataDir);
  const file = path.join(dataDir, '.session-generations.json');
  // No prototype: an openid such as `__proto__` is a key like any other.
  const generations: Record<string, number> = Object.assign(
    Object.create(null) as Record<string, number>,
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {},
  );
  const current = (openid: string) => (Object.hasOwn(generations, openid) ? generations[openid] : 0);
  return {
    cookie: (openid: string) => sessionCookie(secret, openid, current(openid)),
    read(header: string | undefined): SessionState {
      const state = verified(secret, header);
      if (state.kind !== 'valid') return state;
      return state.generation === current(state.openid) ? { kind: 'valid', openid: state.openid } : { kind: 'invalid' };
    },
    /** Ends every session of this user issued so far. */
    signOut(openid: string): void {
      generations[openid] = current(openid) + 1;
      writeFileSync(`${file}.tmp`, JSON.stringify(generations));
      renameSync(`${file}.tmp`, file);
    },
  };
}

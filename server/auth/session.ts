import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { createSession, deleteSession, findSessionUser, touchSession } from '../../db/sessions';
import type { Database } from '../../db/types';
import type { AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { isHttpsRequest } from '../http/request-https';

export const SESSION_COOKIE = 'hailong_session';
/** Absolute lifetime: a session ends after a working day, however active. */
export const SESSION_HOURS = 12;
/** A session unused this long ends (a screen left open in an office). */
export const SESSION_IDLE_MINUTES = 30;

// Only the hash is stored, so a leaked sessions table opens no session.
const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Starts a session and sets its cookie: `Secure` whenever the browser came over TLS, also through a
 * trusted proxy that ends TLS itself, so the cookie never travels over plain http afterwards.
 */
export async function startSession(c: Context, db: Kysely<Database>, user: { id: number; tenant_id: number }, trustProxy: boolean) {
  const id = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await createSession(db, { id_hash: hashId(id), tenant_id: user.tenant_id, user_id: user.id, expires_at: expires });
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttpsRequest(c, trustProxy),
    path: '/',
    expires,
  });
}

export async function endSession(c: Context, db: Kysely<Database>) {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await deleteSession(db, hashId(id));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

const NOT_LOGGED_IN = {
  vi: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Xin đăng nhập lại.',
  en: 'You are not logged in, or your session has expired. Please log in again.',
};

/**
 * The signed-in user of a request, or undefined. Looked up once per request (the role policy and
 * the routes both ask); an active session's last use is recorded at most once a minute.
 */
export async function sessionUser(c: Context<AppEnv>, db: Kysely<Database>) {
  if (c.get('user')) return c.get('user');
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return undefined;
  const now = new Date();
  const found = await findSessionUser(db, hashId(id), now, SESSION_IDLE_MINUTES);
  if (!found) return undefined;
  if (now.getTime() - found.last_seen_at.getTime() > 60_000) await touchSession(db, hashId(id), now);
  const { last_seen_at: _seen, ...user } = found;
  c.set('user', user);
  return user;
}

/** Lets the request through only with a live session; the user is then `c.get('user')`. */
export function requireSession(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await sessionUser(c, db))) throw new RequestError(401, NOT_LOGGED_IN);
    await next();
  };
}

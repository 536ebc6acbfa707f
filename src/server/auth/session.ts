import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Membership } from '../../shared/accounts';
import type { Database } from '../db/schema';
import { sendError } from '../http/errors';
import {
  findSession,
  findUserById,
  insertSession,
  membershipsOf,
  noteSignIn,
  touchSession,
} from './repository';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'lookfor_session';
/** A tablet may sync once a week or less: sessions last 90 days from their last use. */
export const SESSION_DAYS = 90;
const TOUCH_EVERY_MS = 60 * 60_000;

export interface Signedin {
  userId: string;
  name: string;
  email: string;
  districtAdmin: boolean;
  memberships: Membership[];
  sessionHash: string;
}

export type AuthEnv = { Variables: { auth: Signedin | null } };

const expiry = (now: Date) => new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();

/** Whether the request came over https (itself, or through a TLS proxy that says so). */
export function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Starts a session stored in the database, so every server instance can read it. */
export async function startSession(c: Context, db: Kysely<Database>, userId: string, now: Date) {
  const token = newToken();
  await insertSession(db, {
    idHash: hashToken(token),
    userId,
    now: now.toISOString(),
    expiresAt: expiry(now),
  });
  await noteSignIn(db, userId, now.toISOString());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function endSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
}

/** Reads the session cookie on every request; `auth` is null when nobody is signed in. */
export const sessionReader =
  (
    { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
    now: () => Date,
  ): MiddlewareHandler<AuthEnv> =>
  async (c, next) => {
    c.set('auth', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 100) {
      const idHash = hashToken(token);
      const session = await findSession(readDb, idHash);
      const at = now();
      if (session && Date.parse(session.expires_at) > at.getTime()) {
        const user = await findUserById(readDb, session.user_id);
        if (user && !user.deactivated) {
          if (at.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
            await touchSession(db, idHash, at.toISOString(), expiry(at));
          }
          c.set('auth', {
            userId: user.id,
            name: user.name,
            email: user.email,
            districtAdmin: user.districtAdmin,
            memberships: await membershipsOf(readDb, user.id),
            sessionHash: idHash,
          });
        }
      }
    }
    await next();
  };

/** Answers 401 in the shared error shape when nobody is signed in. */
export const requireSignIn = (): MiddlewareHandler<AuthEnv> => async (c, next) => {
  if (!c.get('auth')) return sendError(c, 401, 'unauthorized', 'Sign in to continue');
  await next();
};

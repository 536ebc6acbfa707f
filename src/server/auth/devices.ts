import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Queryable } from '../db/queryable';
import { secure } from './session';
import { hashToken, newToken } from './tokens';

/**
 * A cookie a browser keeps once a person has signed in on it (OWASP's "device
 * cookie"): sign-ins from it are counted apart from the address they come from.
 */
export const DEVICE_COOKIE = 'lookfor_device';
const DEVICE_DAYS = 365;

/** The hash of this browser's device cookie when it is known for `userId`, else null. */
export async function trustedDeviceOf(
  db: Queryable,
  c: Context,
  userId: string | undefined,
): Promise<string | null> {
  const token = getCookie(c, DEVICE_COOKIE);
  if (!token || token.length > 100 || userId === undefined) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('trusted_devices')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.user_id === userId ? tokenHash : null;
}

/** Remembers this browser for `userId` after a right password. */
export async function trustDevice(
  db: Queryable,
  c: Context,
  userId: string,
  now: Date,
): Promise<void> {
  const token = newToken();
  await db
    .insertInto('trusted_devices')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString() })
    .execute();
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/api/auth',
    maxAge: DEVICE_DAYS * 86_400,
  });
}

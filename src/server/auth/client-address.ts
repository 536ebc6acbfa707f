import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { sendError } from '../http/errors';

/** The address a request came from, as the throttles count it. */
export function address(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** 429 with Retry-After, in the shared error shape. */
export function tooManyAttempts(c: Context, waitMs: number): Response {
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  return sendError(
    c,
    429,
    'too_many_requests',
    `Too many attempts. Try again in ${Math.ceil(waitMs / 60_000)} minutes`,
  );
}

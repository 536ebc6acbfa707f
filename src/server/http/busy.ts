import type { Context } from 'hono';
import { sendError } from './errors';

/** How long a device is asked to wait before it tries again, in seconds. */
export const RETRY_AFTER_SECONDS = 3;

// PostgreSQL: lock_not_available (lock_timeout), deadlock_detected, serialization_failure,
// query_canceled (statement_timeout), too_many_connections.
const BUSY_PG_CODES = new Set(['55P03', '40P01', '40001', '57014', '53300']);
const BUSY_SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

/**
 * Whether an error means the database was too busy to answer in time (a lock wait or
 * a statement that ran out of time, a full connection pool), as opposed to a fault:
 * the same request will succeed later, so the client is told to retry.
 */
export function isBusyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (BUSY_PG_CODES.has(code) || BUSY_SQLITE_CODES.has(code))) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  // pg's pool, when no connection frees up within connectionTimeoutMillis.
  return /timeout exceeded when trying to connect/i.test(message);
}

/** 503 with Retry-After in the shared error shape: the device keeps its changes and tries again shortly. */
export function sendBusy(c: Context, code: 'busy' | 'timeout' = 'busy') {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return sendError(
    c,
    503,
    code,
    code === 'busy'
      ? 'The server is busy; nothing was stored and the device will try again shortly'
      : 'The server took too long to answer; the device will try again shortly',
  );
}

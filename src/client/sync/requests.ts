import { ErrorBody } from '../../shared/errors';
import type { LookforDb } from '../data/db';
import { retryAfterMs } from './retry-after';

export interface EngineDeps {
  db: LookforDb;
  fetch: typeof fetch;
  /** Origin of the API, '' for the page's own. */
  baseUrl: string;
  now: () => Date;
  /** Runs `task` only if no other tab is syncing; resolves 'busy' otherwise. */
  runExclusive: <T>(task: () => Promise<T>) => Promise<T | 'busy'>;
  /** Most rows in one push. */
  batchSize?: number;
  /** Most bytes of mutation JSON in one push (one row always goes, however large). */
  batchBytes?: number;
  pullLimit?: number;
  /**
   * False when the device knows it has no connection. Nothing is taken from the
   * outbox then, so edits keep folding into their pending rows.
   */
  isOnline?: () => boolean;
}

export class SyncFailure extends Error {
  constructor(
    readonly reason: 'offline' | 'server' | 'signin',
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export const offline = () => new SyncFailure('offline', 'no connection');

export async function request(
  deps: EngineDeps,
  path: string,
  init?: RequestInit,
): Promise<Response> {
  try {
    return await deps.fetch(`${deps.baseUrl}${path}`, { cache: 'no-store', ...init });
  } catch {
    throw offline();
  }
}

/**
 * A refusal keeps every row as it is: sent rows stay sent and are retried with the
 * same mutationIds. A busy server (503, or 429) may say when to come back.
 */
export async function failureFrom(deps: EngineDeps, response: Response): Promise<SyncFailure> {
  if (response.status === 401) return new SyncFailure('signin', 'sign in again to sync');
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const message = body.success ? body.data.error.message : `server answered ${response.status}`;
  const wait =
    response.status === 503 || response.status === 429
      ? retryAfterMs(response.headers.get('retry-after'), deps.now())
      : null;
  return new SyncFailure('server', message, wait);
}

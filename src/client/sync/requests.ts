import { createApiClient, type ApiClient, type ApiError } from '../api/client';
import type { LookforDb } from '../data/db';

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

/** The API client of one sync: the engine's own fetch, origin and clock. */
export const apiOf = (deps: EngineDeps): ApiClient =>
  createApiClient({ fetch: deps.fetch, baseUrl: deps.baseUrl, now: deps.now });

/**
 * A refusal keeps every row as it is: sent rows stay sent and are retried with the
 * same mutationIds. A busy server (503, or 429) may say when to come back.
 */
export function failureFrom(error: ApiError): SyncFailure {
  if (error.code === 'offline' || error.code === 'timeout') return offline();
  if (error.status === 401) return new SyncFailure('signin', 'sign in again to sync');
  if (error.code === 'unreadable' && error.status < 400) {
    return new SyncFailure('server', 'the server sent an answer we cannot read');
  }
  return new SyncFailure('server', error.message, error.retryAfterMs);
}

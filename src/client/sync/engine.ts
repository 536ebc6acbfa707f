import { ErrorBody } from '../../shared/errors';
import { PullResponse, PushResponse } from '../../shared/sync';
import type { LookforDb } from '../data/db';
import { getClientId, readCursor, setMeta } from '../data/meta';
import { applyPushResults, takeBatch } from '../data/outbox-batch';
import { applyPull } from '../data/pull-apply';

export interface EngineDeps {
  db: LookforDb;
  fetch: typeof fetch;
  /** Origin of the API, '' for the page's own. */
  baseUrl: string;
  now: () => Date;
  /** Runs `task` only if no other tab is syncing; resolves 'busy' otherwise. */
  runExclusive: <T>(task: () => Promise<T>) => Promise<T | 'busy'>;
  batchSize?: number;
  pullLimit?: number;
}

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number }
  | { ok: false; reason: 'busy' | 'offline' | 'server' | 'signin'; message: string };

class SyncFailure extends Error {
  constructor(
    readonly reason: 'offline' | 'server' | 'signin',
    message: string,
  ) {
    super(message);
  }
}

async function request(deps: EngineDeps, path: string, init?: RequestInit): Promise<Response> {
  try {
    return await deps.fetch(`${deps.baseUrl}${path}`, { cache: 'no-store', ...init });
  } catch {
    throw new SyncFailure('offline', 'no connection');
  }
}

async function failureFrom(response: Response): Promise<SyncFailure> {
  if (response.status === 401) return new SyncFailure('signin', 'sign in again to sync');
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const message = body.success ? body.data.error.message : `server answered ${response.status}`;
  return new SyncFailure('server', message);
}

async function pushAll(deps: EngineDeps, clientId: string): Promise<number> {
  let size = deps.batchSize ?? 100;
  let pushed = 0;
  for (;;) {
    const batch = await takeBatch(deps.db, clientId, size);
    if (batch.rows.length === 0) return pushed;
    const response = await request(deps, '/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, mutations: batch.mutations }),
    });
    if (response.status === 413 && size > 1) {
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    if (!response.ok) throw await failureFrom(response);
    const answer = PushResponse.safeParse(await response.json().catch(() => null));
    if (!answer.success)
      throw new SyncFailure('server', 'the server sent an answer we cannot read');
    await applyPushResults(deps.db, batch.rows, answer.data.results);
    pushed += batch.rows.length;
  }
}

async function pullAll(deps: EngineDeps): Promise<number> {
  const limit = deps.pullLimit ?? 200;
  let pulled = 0;
  // A bound keeps a misbehaving server from holding the lock forever.
  for (let page = 0; page < 10_000; page += 1) {
    const cursor = await readCursor(deps.db);
    const response = await request(deps, `/api/sync/pull?cursor=${cursor}&limit=${limit}`);
    if (!response.ok) throw await failureFrom(response);
    const answer = PullResponse.safeParse(await response.json().catch(() => null));
    if (!answer.success)
      throw new SyncFailure('server', 'the server sent an answer we cannot read');
    await applyPull(deps.db, answer.data, deps.now());
    pulled += answer.data.changes.length;
    if (!answer.data.hasMore) return pulled;
  }
  return pulled;
}

/**
 * One full sync: push every waiting change in bounded batches, then pull until up
 * to date. Nothing is deleted from the outbox except through an acknowledgement,
 * so a failure anywhere leaves every note where it was, ready for the next try.
 */
export async function syncOnce(deps: EngineDeps): Promise<SyncOutcome> {
  const outcome = await deps.runExclusive(async (): Promise<SyncOutcome> => {
    try {
      const clientId = await getClientId(deps.db);
      const pushed = await pushAll(deps, clientId);
      const pulled = await pullAll(deps);
      await setMeta(deps.db, 'lastSuccessAt', deps.now().toISOString());
      await setMeta(deps.db, 'lastError', null);
      return { ok: true, pushed, pulled };
    } catch (error) {
      const failure =
        error instanceof SyncFailure ? error : new SyncFailure('server', String(error));
      await setMeta(deps.db, 'lastError', failure.message);
      return { ok: false, reason: failure.reason, message: failure.message };
    }
  });
  return outcome === 'busy'
    ? { ok: false, reason: 'busy', message: 'another tab is syncing' }
    : outcome;
}

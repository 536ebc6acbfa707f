import { ErrorBody } from '../../shared/errors';
import {
  MAX_PULL_LIMIT,
  PullResponse,
  PushResponse,
  RecentResponse,
  type PushResult,
} from '../../shared/sync';
import type { LookforDb } from '../data/db';
import { getClientId, readCursor, setMeta } from '../data/meta';
import {
  applyPushResults,
  DEFAULT_BATCH_BYTES,
  DEFAULT_BATCH_ROWS,
  recordKey,
  takeBatch,
  type Batch,
} from '../data/outbox-batch';
import { applyPull, applyRecent } from '../data/pull-apply';
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

/** Changes per pull page: the most the server serves (see docs/sync.md). */
export const DEFAULT_PULL_PAGE = MAX_PULL_LIMIT;
/** Records a new device shows before its first pull has reached them. */
export const FIRST_LOOK = 200;

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number }
  | {
      ok: false;
      reason: 'busy' | 'offline' | 'server' | 'signin';
      message: string;
      /** The server asked to be left alone this long (503 or 429 with Retry-After). */
      retryAfterMs?: number;
    };

class SyncFailure extends Error {
  constructor(
    readonly reason: 'offline' | 'server' | 'signin',
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

const offline = () => new SyncFailure('offline', 'no connection');

async function request(deps: EngineDeps, path: string, init?: RequestInit): Promise<Response> {
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
async function failureFrom(deps: EngineDeps, response: Response): Promise<SyncFailure> {
  if (response.status === 401) return new SyncFailure('signin', 'sign in again to sync');
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const message = body.success ? body.data.error.message : `server answered ${response.status}`;
  const wait =
    response.status === 503 || response.status === 429
      ? retryAfterMs(response.headers.get('retry-after'), deps.now())
      : null;
  return new SyncFailure('server', message, wait);
}

type Sent = { ok: true; response: Response } | { ok: false; error: unknown };

/**
 * Pushes every waiting change in bounded batches. While the server works on one
 * batch, the device settles the answers to the one before (pipelined): the two sides
 * take turns no longer. A batch never holds a record of a batch whose answers are
 * still to be applied, since its baseRev must move onto the revision they give.
 */
async function pushAll(deps: EngineDeps, clientId: string): Promise<number> {
  let size = deps.batchSize ?? DEFAULT_BATCH_ROWS;
  let bytes = deps.batchBytes ?? DEFAULT_BATCH_BYTES;
  let pushed = 0;
  let answered: { batch: Batch; results: PushResult[] } | null = null;
  const settle = async () => {
    if (!answered) return;
    const { batch, results } = answered;
    answered = null;
    await applyPushResults(deps.db, batch.rows, results);
    pushed += batch.rows.length;
  };
  for (;;) {
    // Taking a batch freezes its rows: never do it while known to be offline.
    if (deps.isOnline?.() === false) {
      await settle();
      throw offline();
    }
    const waiting = new Set(answered?.batch.rows.map(recordKey));
    const batch = await takeBatch(deps.db, clientId, size, bytes, waiting);
    if (batch.rows.length === 0) {
      if (!answered) return pushed;
      await settle();
      continue;
    }
    const sending: Promise<Sent> = request(deps, '/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, mutations: batch.mutations }),
    }).then(
      (response) => ({ ok: true, response }),
      (error: unknown) => ({ ok: false, error }),
    );
    await settle();
    const sent = await sending;
    if (!sent.ok) throw sent.error;
    const { response } = sent;
    if (response.status === 413 && batch.rows.length > 1) {
      size = Math.max(1, Math.floor(batch.rows.length / 2));
      bytes = Math.max(1, Math.floor(bytes / 2));
      continue;
    }
    if (!response.ok) throw await failureFrom(deps, response);
    const answer = PushResponse.safeParse(await response.json().catch(() => null));
    if (!answer.success)
      throw new SyncFailure('server', 'the server sent an answer we cannot read');
    answered = { batch, results: answer.data.results };
  }
}

/**
 * A device that starts from nothing (a fresh sign-in) first takes the newest records,
 * so the newest notes show while the pull works through the rest in order. Best
 * effort: if this fails, the pull brings everything all the same.
 */
async function firstLook(deps: EngineDeps): Promise<void> {
  const response = await request(deps, `/api/sync/recent?limit=${FIRST_LOOK}`);
  if (!response.ok) return;
  const answer = RecentResponse.safeParse(await response.json().catch(() => null));
  if (answer.success) await applyRecent(deps.db, answer.data.changes, deps.now());
}

async function pullAll(deps: EngineDeps, clientId: string): Promise<number> {
  const limit = deps.pullLimit ?? DEFAULT_PULL_PAGE;
  let pulled = 0;
  if ((await readCursor(deps.db)) === 0) await firstLook(deps);
  // A bound keeps a misbehaving server from holding the lock forever.
  for (let page = 0; page < 10_000; page += 1) {
    const cursor = await readCursor(deps.db);
    // The clientId spares this device what it pushed itself (it holds that already).
    const response = await request(
      deps,
      `/api/sync/pull?cursor=${cursor}&limit=${limit}&clientId=${clientId}`,
    );
    if (!response.ok) throw await failureFrom(deps, response);
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
      if (deps.isOnline?.() === false) throw offline();
      const clientId = await getClientId(deps.db);
      const pushed = await pushAll(deps, clientId);
      const pulled = await pullAll(deps, clientId);
      await setMeta(deps.db, 'lastSuccessAt', deps.now().toISOString());
      await setMeta(deps.db, 'lastError', null);
      return { ok: true, pushed, pulled };
    } catch (error) {
      const failure =
        error instanceof SyncFailure ? error : new SyncFailure('server', String(error));
      await setMeta(deps.db, 'lastError', failure.message);
      return {
        ok: false,
        reason: failure.reason,
        message: failure.message,
        ...(failure.retryAfterMs !== null ? { retryAfterMs: failure.retryAfterMs } : {}),
      };
    }
  });
  return outcome === 'busy'
    ? { ok: false, reason: 'busy', message: 'another tab is syncing' }
    : outcome;
}

import { MAX_PULL_LIMIT, PullResponse, RecentResponse } from '../../shared/sync';
import { getClientId, readCursor, setMeta } from '../data/meta';
import { applyPull, applyRecent } from '../data/pull-apply';
import { pushAll } from './push-pipeline';
import { apiOf, failureFrom, offline, SyncFailure, type EngineDeps } from './requests';

export type { EngineDeps } from './requests';

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

/**
 * A device that starts from nothing (a fresh sign-in) first takes the newest records,
 * so the newest notes show while the pull works through the rest in order. Best
 * effort: if this fails, the pull brings everything all the same.
 */
async function firstLook(deps: EngineDeps): Promise<void> {
  const answer = await apiOf(deps)(RecentResponse, `/api/sync/recent?limit=${FIRST_LOOK}`);
  if (answer.ok) await applyRecent(deps.db, answer.value.changes, deps.now());
}

async function pullAll(deps: EngineDeps, clientId: string): Promise<number> {
  const limit = deps.pullLimit ?? DEFAULT_PULL_PAGE;
  let pulled = 0;
  const api = apiOf(deps);
  if ((await readCursor(deps.db)) === 0) await firstLook(deps);
  // A bound keeps a misbehaving server from holding the lock forever.
  for (let page = 0; page < 10_000; page += 1) {
    const cursor = await readCursor(deps.db);
    // The clientId spares this device what it pushed itself (it holds that already).
    const answer = await api(
      PullResponse,
      `/api/sync/pull?cursor=${cursor}&limit=${limit}&clientId=${clientId}`,
    );
    if (!answer.ok) throw failureFrom(answer.error);
    await applyPull(deps.db, answer.value, deps.now());
    pulled += answer.value.changes.length;
    if (!answer.value.hasMore) return pulled;
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

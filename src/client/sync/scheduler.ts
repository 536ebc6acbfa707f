import { backoffDelay } from '../../shared/backoff';
import type { SyncOutcome } from './engine';
import { MAX_RETRY_AFTER_MS } from './retry-after';

export interface SchedulerState {
  syncing: boolean;
  online: boolean;
  unsupported: boolean;
  /** The server no longer knows this device's session: wait for the user to sign in. */
  needsSignIn: boolean;
  /** Failures in a row; drives the backoff. */
  failures: number;
  nextRetryAt: number | null;
}

export interface SchedulerDeps {
  run: () => Promise<SyncOutcome>;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => number;
  isOnline: () => boolean;
  /** Time between quiet pulls while all is well, to bring in other devices' changes. */
  pollMs?: number;
  /** Delay after a local edit before pushing it, so a burst of taps goes as one. */
  editDelayMs?: number;
  unsupported?: boolean;
}

export interface Scheduler {
  /** Sync now (app start, online, visible, the button). Joins a sync already running. */
  trigger: () => Promise<void>;
  /**
   * An automatic reason to sync now (the page became visible): syncs unless a busy
   * server asked to wait, in which case the timer already set stands.
   */
  wake: () => void;
  /** A note was saved: sync soon. */
  noteSaved: () => void;
  setOnline: (online: boolean) => void;
  state: () => SchedulerState;
  subscribe: (listener: (state: SchedulerState) => void) => () => void;
  stop: () => void;
}

/**
 * Decides when to sync: on demand, shortly after edits, and on a timer that backs
 * off exponentially with jitter after failures. A busy server's Retry-After (at
 * most five minutes) holds back every automatic sync, edits and the connection
 * coming back included; only an explicit trigger (the button) goes earlier. Only one sync runs at a time in a tab; a trigger during a
 * run asks for one more run after it.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const listeners = new Set<(state: SchedulerState) => void>();
  let state: SchedulerState = {
    syncing: false,
    online: deps.isOnline(),
    unsupported: deps.unsupported ?? false,
    needsSignIn: false,
    failures: 0,
    nextRetryAt: null,
  };
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  // A busy server's Retry-After: no automatic sync before this time.
  let notBefore = 0;
  // A note was saved since the running sync read the outbox: it may not have gone.
  let editedDuringRun = false;
  const editDelay = () => deps.editDelayMs ?? 1_500;

  const publish = (patch: Partial<SchedulerState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };

  const schedule = (wanted: number) => {
    if (timer !== null) deps.clearTimer(timer);
    if (stopped) return;
    const ms = Math.max(wanted, notBefore - deps.now());
    publish({ nextRetryAt: deps.now() + ms });
    timer = deps.setTimer(() => {
      timer = null;
      void trigger();
    }, ms);
  };

  async function runLoop(): Promise<void> {
    do {
      again = false;
      editedDuringRun = false;
      publish({ syncing: true });
      const outcome = await deps.run().catch((error: unknown): SyncOutcome => ({
        ok: false,
        reason: 'server',
        message: String(error),
      }));
      publish({ syncing: false });
      notBefore = 0;
      if (outcome.ok) {
        publish({ failures: 0, online: true, needsSignIn: false });
        // A note saved while this run was under way keeps its short delay: the quiet
        // poll must not push it two minutes back.
        schedule(editedDuringRun ? editDelay() : (deps.pollMs ?? 120_000));
      } else if (outcome.reason === 'signin') {
        // Retrying cannot help until the user signs in; the outbox keeps every note.
        publish({ needsSignIn: true, online: true });
      } else if (outcome.reason === 'busy') {
        schedule(deps.pollMs ?? 120_000);
      } else {
        const failures = state.failures + 1;
        publish({ failures, online: outcome.reason === 'offline' ? false : state.online });
        if (outcome.retryAfterMs !== undefined) {
          notBefore = deps.now() + Math.min(outcome.retryAfterMs, MAX_RETRY_AFTER_MS);
        }
        schedule(backoffDelay(failures - 1, deps.random));
      }
    } while (again && !stopped);
  }

  function trigger(): Promise<void> {
    if (stopped || state.unsupported) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runLoop().finally(() => {
      running = null;
    });
    return running;
  }

  function wake(): void {
    if (notBefore <= deps.now()) void trigger();
  }

  return {
    trigger,
    wake,
    noteSaved: () => {
      if (running) editedDuringRun = true;
      schedule(editDelay());
    },
    setOnline: (online) => {
      publish({ online });
      if (online) wake();
    },
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
    },
  };
}

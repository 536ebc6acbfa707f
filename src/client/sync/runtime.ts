import type { LookforDb } from '../data/db';
import { createScheduler, type Scheduler } from './scheduler';
import { webLockRunner } from './web-lock';

/**
 * Wires the scheduler to the browser's triggers: app start, `online`, the page
 * becoming visible again, a timer, and the "Sync now" button (which calls trigger).
 */
export function startSync(db: LookforDb): Scheduler {
  const runExclusive = webLockRunner();
  const scheduler = createScheduler({
    // The engine loads with the first sync, not with the first screen: a tap is saved
    // without it, and the first screen's JavaScript stays within its budget.
    run: async () =>
      (await import('./engine')).syncOnce({
        db,
        fetch: (input, init) => fetch(input, init),
        baseUrl: '',
        now: () => new Date(),
        runExclusive: runExclusive ?? (async () => 'busy' as const),
        isOnline: () => navigator.onLine,
      }),
    random: Math.random,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    isOnline: () => navigator.onLine,
    unsupported: runExclusive === null,
  });
  window.addEventListener('online', () => scheduler.setOnline(true));
  window.addEventListener('offline', () => scheduler.setOnline(false));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') scheduler.wake();
  });
  void scheduler.trigger();
  return scheduler;
}

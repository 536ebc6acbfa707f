import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from '../../../src/client/sync/engine';
import { createScheduler, type SchedulerDeps } from '../../../src/client/sync/scheduler';

function harness(outcomes: SyncOutcome[], extra: Partial<SchedulerDeps> = {}) {
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  let runs = 0;
  const scheduler = createScheduler({
    run: async () => {
      runs += 1;
      return outcomes.shift() ?? { ok: true, pushed: 0, pulled: 0 };
    },
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
    now: () => 0,
    isOnline: () => true,
    pollMs: 60_000,
    editDelayMs: 1_000,
    ...extra,
  });
  const live = () => timers.filter((t) => !t.cleared);
  return { scheduler, runs: () => runs, live };
}

const offline: SyncOutcome = { ok: false, reason: 'offline', message: 'no connection' };

describe('the sync scheduler', () => {
  it('retries after failures with growing, jittered delays and resets after success', async () => {
    const { scheduler, live } = harness([offline, offline, offline]);
    await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(1_500);
    await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(3_000);
    await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(6_000);
    expect(scheduler.state()).toMatchObject({ failures: 3, online: false });
    await scheduler.trigger();
    expect(scheduler.state()).toMatchObject({ failures: 0, online: true });
    expect(live().at(-1)?.ms).toBe(60_000);
    expect(live()).toHaveLength(1);
  });

  it('runs again once when triggered during a run', async () => {
    const { scheduler, runs } = harness([]);
    const first = scheduler.trigger();
    void scheduler.trigger();
    void scheduler.trigger();
    await first;
    expect(runs()).toBe(2);
  });

  it('syncs shortly after a note is saved, once for a burst of taps', async () => {
    const { scheduler, live, runs } = harness([]);
    scheduler.noteSaved();
    scheduler.noteSaved();
    scheduler.noteSaved();
    expect(live()).toHaveLength(1);
    expect(live()[0]?.ms).toBe(1_000);
    live()[0]?.fn();
    await Promise.resolve();
    expect(runs()).toBe(1);
  });

  it('keeps the short delay for a note saved while a sync was running', async () => {
    let finish: (outcome: SyncOutcome) => void = () => undefined;
    const { scheduler, live } = harness([], {
      run: () => new Promise<SyncOutcome>((resolve) => (finish = resolve)),
    });
    const running = scheduler.trigger();
    // The run has read the outbox; this note was saved after that.
    scheduler.noteSaved();
    finish({ ok: true, pushed: 0, pulled: 0 });
    await running;
    expect(live()).toHaveLength(1);
    expect(live()[0]?.ms).toBe(1_000);

    // With no note saved during a run, the quiet poll follows as before.
    const next = scheduler.trigger();
    finish({ ok: true, pushed: 1, pulled: 0 });
    await next;
    expect(live().at(-1)?.ms).toBe(60_000);
  });

  it('syncs when the connection returns', async () => {
    const { scheduler, runs } = harness([]);
    scheduler.setOnline(false);
    expect(runs()).toBe(0);
    scheduler.setOnline(true);
    await Promise.resolve();
    expect(runs()).toBe(1);
  });

  it('never syncs where safe one-tab syncing is impossible', async () => {
    const { scheduler, runs } = harness([], { unsupported: true });
    await scheduler.trigger();
    expect(runs()).toBe(0);
  });

  it('stops scheduling once stopped', async () => {
    const { scheduler, live } = harness([]);
    await scheduler.trigger();
    scheduler.stop();
    expect(live()).toHaveLength(0);
  });
});

describe('an ended session', () => {
  it('stops retrying until the user signs in, then clears the flag on success', async () => {
    const { scheduler, live } = harness([
      { ok: false, reason: 'signin', message: 'sign in again to sync' },
    ]);
    await scheduler.trigger();
    expect(scheduler.state()).toMatchObject({ needsSignIn: true, failures: 0 });
    expect(live()).toHaveLength(0);
    await scheduler.trigger();
    expect(scheduler.state()).toMatchObject({ needsSignIn: false });
  });
});

describe('a busy server', () => {
  const busy = (retryAfterMs: number): SyncOutcome => ({
    ok: false,
    reason: 'server',
    message: 'the server is busy',
    retryAfterMs,
  });

  it('waits at least as long as the server asked before the next try', async () => {
    const { scheduler, live } = harness([busy(20_000)]);
    await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(20_000);
    expect(scheduler.state()).toMatchObject({ failures: 1, nextRetryAt: 20_000, online: true });
  });

  it('keeps its own backoff when that is longer than the server asked', async () => {
    const { scheduler, live } = harness([offline, offline, offline, busy(1_000)]);
    for (let i = 0; i < 4; i += 1) await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(12_000);
  });

  it('waits no longer than five minutes, whatever the server asks', async () => {
    const { scheduler, live } = harness([busy(3_600_000)]);
    await scheduler.trigger();
    expect(live().at(-1)?.ms).toBe(300_000);
  });

  it('lets neither a saved note nor the connection returning sync before that time', async () => {
    let clock = 0;
    const { scheduler, live, runs } = harness([busy(20_000)], { now: () => clock });
    await scheduler.trigger();
    clock = 5_000;
    scheduler.noteSaved();
    expect(live()).toHaveLength(1);
    expect(live()[0]?.ms).toBe(15_000);
    scheduler.setOnline(true);
    scheduler.wake();
    await Promise.resolve();
    expect(runs()).toBe(1);

    clock = 20_000;
    scheduler.wake();
    await Promise.resolve();
    expect(runs()).toBe(2);
  });

  it('returns to the normal edit delay once a sync has succeeded', async () => {
    let clock = 0;
    const { scheduler, live } = harness([busy(20_000)], { now: () => clock });
    await scheduler.trigger();
    clock = 1_000;
    await scheduler.trigger();
    scheduler.noteSaved();
    expect(live().at(-1)?.ms).toBe(1_000);
  });
});

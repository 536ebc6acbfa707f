import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SendEmail } from './mailer';
import { claimDue, markFailed, markSent } from './outbox';

export interface WorkerOptions {
  send: SendEmail;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** How often to look for due messages (default 5 s). */
  pollMs?: number;
  /** Wait after the first failure, doubled after each next one (default 30 s)… */
  baseDelayMs?: number;
  /** …up to this (default 1 hour). */
  maxDelayMs?: number;
  /** Attempts before a message is given up (default 12: about six hours of trying). */
  maxAttempts?: number;
  /** How long a claimed message stays this worker's (default 5 minutes). */
  leaseMs?: number;
  batchSize?: number;
}

export interface EmailWorker {
  /** Sends what is due now; resolves when every claimed message is sent or rescheduled. */
  runOnce: () => Promise<number>;
  /** Looks again without waiting for the next poll (after a message is queued). */
  wake: () => void;
  /** Stops polling and waits for the running pass to finish. */
  stop: () => Promise<void>;
}

/** The delay before attempt `attempts + 1`: base × 2^(attempts − 1), at most `max`. */
export const backoff = (attempts: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox in the server process. Rows are claimed before sending, so two
 * processes never send the same one; a row whose process died is claimed again when
 * its lease runs out, so nothing queued is lost to a restart.
 */
export function startEmailWorker(db: Kysely<Database>, options: WorkerOptions): EmailWorker {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const base = options.baseDelayMs ?? 30_000;
  const max = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const lease = options.leaseMs ?? 5 * 60_000;
  const batch = options.batchSize ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let again = false;

  const sendOne = async (message: Awaited<ReturnType<typeof claimDue>>[number]) => {
    try {
      await options.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const giveUp = message.attempts >= maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(now().getTime() + backoff(message.attempts, base, max));
      await markFailed(db, message.id, reason, retryAt, now());
      if (giveUp) log(`email ${message.id} given up after ${message.attempts} attempts`, error);
      return false;
    }
    await markSent(db, message.id, now());
    return true;
  };

  const pass = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const due = await claimDue(db, now(), lease, batch);
      for (const message of due) if (await sendOne(message)) sent += 1;
      if (due.length < batch || stopped) return sent;
    }
  };

  const runOnce = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void runOnce().catch((error: unknown) => log('email worker failed', error));
      }
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log('email worker failed', error))
        .finally(schedule);
    }, options.pollMs ?? 5000);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    wake: () => {
      if (!stopped) void runOnce().catch((error: unknown) => log('email worker failed', error));
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

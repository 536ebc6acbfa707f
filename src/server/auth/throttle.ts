import { sql } from 'kysely';
import type { Queryable } from '../db/queryable';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

/** Five wrong passwords for one account, or twenty from one address, in 15 minutes. */
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const addressRule: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };

/**
 * Takes one attempt for a key in a single atomic statement, counted as a failure
 * until the password proves right, so guesses sent at the same moment cannot slip
 * past the limit. Returns the milliseconds to wait, or 0 when the attempt may go on.
 * The count lives in the database, so every server instance sees the same one.
 */
export async function takeAttempt(
  db: Queryable,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, window_started_at: stamp })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_attempts.window_started_at <= ${windowOpenedAfter} then 1 else login_attempts.failures + 1 end`,
        window_started_at: sql<string>`case when login_attempts.window_started_at <= ${windowOpenedAfter} then ${stamp} else login_attempts.window_started_at end`,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (Number(row.failures) <= rule.maxFailures) return 0;
  return Math.max(1000, Date.parse(row.window_started_at) + rule.windowMs - now.getTime());
}

/** A right password: the attempt it took was not a failure. */
export async function giveBackAttempt(db: Queryable, key: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

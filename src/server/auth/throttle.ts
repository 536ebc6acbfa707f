import type { Queryable } from '../sync/repository';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

/** Five wrong passwords for one account, or twenty from one address, in 15 minutes. */
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const addressRule: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };

/**
 * Failed sign-ins counted in the database, so every server instance sees the same
 * count. Returns the milliseconds to wait, or 0 when the key may try again.
 */
export async function retryAfterMs(
  db: Queryable,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return 0;
  const windowEnds = Date.parse(row.window_started_at) + rule.windowMs;
  if (now.getTime() >= windowEnds) return 0;
  return Number(row.failures) >= rule.maxFailures ? windowEnds - now.getTime() : 0;
}

export async function recordFailure(
  db: Queryable,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('login_attempts')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  const stamp = now.toISOString();
  if (!row) {
    await db
      .insertInto('login_attempts')
      .values({ key, failures: 1, window_started_at: stamp })
      .execute();
    return;
  }
  const expired = now.getTime() >= Date.parse(row.window_started_at) + rule.windowMs;
  await db
    .updateTable('login_attempts')
    .set(
      expired ? { failures: 1, window_started_at: stamp } : { failures: Number(row.failures) + 1 },
    )
    .where('key', '=', key)
    .execute();
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

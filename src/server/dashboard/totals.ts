import { sql } from 'kysely';
import type { Queryable } from '../sync/repository';

/** One observation's seen / not seen / N/A counts for one look-for, as stored in its facts. */
export interface FactCounts {
  school_id: string;
  protocol_id: string;
  round_id: string | null;
  observed_on: string;
  look_for_id: string;
  seen: number;
  not_seen: number;
  na: number;
}

/**
 * Adds (`sign` 1) or takes away (`sign` -1) one observation's counts from the day
 * totals, in the caller's savepoint. Each row is one upsert that adds to what is
 * stored, so the cost does not grow with the visits already in a day, and two
 * pushes adding to the same day on PostgreSQL simply add up. One observation has
 * one row per look-for, so a statement never touches a totals row twice.
 */
export async function adjustTotals(
  db: Queryable,
  counts: readonly FactCounts[],
  sign: 1 | -1,
): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insertInto('observation_fact_totals')
    .values(
      counts.map((c) => ({
        school_id: c.school_id,
        protocol_id: c.protocol_id,
        round_id: c.round_id ?? '',
        observed_on: c.observed_on,
        look_for_id: c.look_for_id,
        seen: sign * Number(c.seen),
        not_seen: sign * Number(c.not_seen),
        na: sign * Number(c.na),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'protocol_id', 'round_id', 'observed_on', 'look_for_id'])
        .doUpdateSet({
          seen: sql`observation_fact_totals.seen + excluded.seen`,
          not_seen: sql`observation_fact_totals.not_seen + excluded.not_seen`,
          na: sql`observation_fact_totals.na + excluded.na`,
        }),
    )
    .execute();
}

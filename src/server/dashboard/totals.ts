import { insertRows } from '../db/insert-rows';
import type { Queryable } from '../db/queryable';

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

const keyOf = (c: FactCounts) =>
  [c.school_id, c.protocol_id, c.round_id ?? '', c.observed_on, c.look_for_id].join('\u0000');

/**
 * Moves the day totals by the given counts (negative ones take an observation's old
 * counts away), in the caller's transaction. Counts are summed per day and look-for
 * first, so each totals row is touched by one upsert that adds to what is stored:
 * the cost does not grow with the visits already in a day, two pushes adding to the
 * same day on PostgreSQL simply add up, and rows are locked in one order (no
 * deadlock between two pushes).
 */
export async function adjustTotals(db: Queryable, counts: readonly FactCounts[]): Promise<void> {
  const sums = new Map<string, FactCounts>();
  for (const c of counts) {
    const key = keyOf(c);
    const sum = sums.get(key);
    if (sum) {
      sum.seen += Number(c.seen);
      sum.not_seen += Number(c.not_seen);
      sum.na += Number(c.na);
    } else {
      sums.set(key, {
        school_id: c.school_id,
        protocol_id: c.protocol_id,
        round_id: c.round_id,
        observed_on: c.observed_on,
        look_for_id: c.look_for_id,
        seen: Number(c.seen),
        not_seen: Number(c.not_seen),
        na: Number(c.na),
      });
    }
  }
  const rows = [...sums]
    .filter(([, c]) => c.seen !== 0 || c.not_seen !== 0 || c.na !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => [
      c.school_id,
      c.protocol_id,
      c.round_id ?? '',
      c.observed_on,
      c.look_for_id,
      c.seen,
      c.not_seen,
      c.na,
    ]);
  await insertRows(db, 'observation_fact_totals', TOTAL_COLUMNS, rows, ADD_ON_CONFLICT);
}

/** The fields of `FactCounts`: the totals' columns, and what is read back of old facts. */
export const TOTAL_COLUMNS = [
  'school_id',
  'protocol_id',
  'round_id',
  'observed_on',
  'look_for_id',
  'seen',
  'not_seen',
  'na',
] as const;

const ADD_ON_CONFLICT = `on conflict ("school_id", "protocol_id", "round_id", "observed_on", "look_for_id") do update set ${[
  'seen',
  'not_seen',
  'na',
]
  .map((c) => `"${c}" = "observation_fact_totals"."${c}" + excluded."${c}"`)
  .join(', ')}`;

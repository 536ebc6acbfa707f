import { sql } from 'kysely';
import type { Queryable } from '../sync/repository';

/** The group of facts one row set of `observation_fact_totals` sums. */
export interface TotalsKey {
  school_id: string;
  protocol_id: string;
  round_id: string | null;
  observed_on: string;
}

/**
 * Recomputes the totals of one school, protocol, round and day from the facts, in
 * the caller's savepoint. Rows are zeroed, then upserted, so two pushes finishing
 * visits of the same day on PostgreSQL never collide on an insert.
 */
export async function refreshTotals(db: Queryable, key: TotalsKey): Promise<void> {
  const roundId = key.round_id ?? '';
  await db
    .updateTable('observation_fact_totals')
    .set({ seen: 0, not_seen: 0, na: 0 })
    .where('school_id', '=', key.school_id)
    .where('protocol_id', '=', key.protocol_id)
    .where('round_id', '=', roundId)
    .where('observed_on', '=', key.observed_on)
    .execute();
  const sums = db
    .selectFrom('observation_facts')
    .select((eb) => [
      'school_id',
      'protocol_id',
      sql<string>`${roundId}`.as('round_id'),
      'observed_on',
      'look_for_id',
      eb.fn.sum<number>('seen').as('seen'),
      eb.fn.sum<number>('not_seen').as('not_seen'),
      eb.fn.sum<number>('na').as('na'),
    ])
    .where('school_id', '=', key.school_id)
    .where('protocol_id', '=', key.protocol_id)
    .where((eb) =>
      key.round_id === null ? eb('round_id', 'is', null) : eb('round_id', '=', key.round_id),
    )
    .where('observed_on', '=', key.observed_on)
    .where('answer', 'in', ['seen', 'not_seen', 'na'])
    .groupBy(['school_id', 'protocol_id', 'observed_on', 'look_for_id']);
  await db
    .insertInto('observation_fact_totals')
    .columns([
      'school_id',
      'protocol_id',
      'round_id',
      'observed_on',
      'look_for_id',
      'seen',
      'not_seen',
      'na',
    ])
    .expression(sums)
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'protocol_id', 'round_id', 'observed_on', 'look_for_id'])
        .doUpdateSet((eb) => ({
          seen: eb.ref('excluded.seen'),
          not_seen: eb.ref('excluded.not_seen'),
          na: eb.ref('excluded.na'),
        })),
    )
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * The dashboard first reads how many classrooms each period (round, or month
 * outside rounds) of a school holds: this index answers that without the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('observation_visits_period_idx')
    .on('observation_visits')
    .columns(['protocol_id', 'school_id', 'round_id', 'observed_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('observation_visits_period_idx').execute();
}

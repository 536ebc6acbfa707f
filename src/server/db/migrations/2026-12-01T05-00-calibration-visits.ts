import { sql, type Kysely } from 'kysely';

/**
 * Calibration rounds send two or more observers to the same room, and the results
 * must count that room once. Each visit keeps its room (`room_key`, the round's room
 * id) and whether it is the one the results count (`counted`); the others keep a
 * visit row (calibration reads them) but leave no facts. At most one counted visit
 * per room of a round, so two pushes at once cannot both count it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('observation_visits').addColumn('room_key', 'text').execute();
  await db.schema
    .alterTable('observation_visits')
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('observation_visits_counted_room_idx')
    .on('observation_visits')
    .columns(['round_id', 'room_key'])
    .unique()
    .where(sql.ref('room_key'), 'is not', null)
    .where(sql.ref('counted'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('observation_visits_counted_room_idx').execute();
  await db.schema.alterTable('observation_visits').dropColumn('counted').execute();
  await db.schema.alterTable('observation_visits').dropColumn('room_key').execute();
}

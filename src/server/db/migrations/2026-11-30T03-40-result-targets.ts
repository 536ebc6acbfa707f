import type { Kysely } from 'kysely';

/**
 * Targets leaders set for a look-for's share of classrooms seen: for one round
 * (`scope` 'round', `scope_key` the round id) or for a school year of a protocol
 * (`scope` 'year', `scope_key` like '2026-2027'). One row per target; removing a
 * target deletes its row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('result_targets')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('look_for_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_targets_pk', [
      'school_id',
      'protocol_id',
      'scope',
      'scope_key',
      'look_for_id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('result_targets').execute();
}

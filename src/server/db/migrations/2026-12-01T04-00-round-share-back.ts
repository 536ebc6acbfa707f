import type { Kysely } from 'kysely';

/**
 * The share-back clock of a round (issue #15): when it was closed (recorded from the
 * push that closed it, cleared if it is reopened) and when its summary was first
 * shared with staff, and by whom. One row per round that has been closed or shared.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_share_back')
    .addColumn('round_id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('closed_at', 'text')
    .addColumn('shared_at', 'text')
    .addColumn('shared_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('round_share_back_school')
    .on('round_share_back')
    .column('school_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_share_back').execute();
}

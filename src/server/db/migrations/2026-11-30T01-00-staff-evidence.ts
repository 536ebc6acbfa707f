import type { Kysely } from 'kysely';

/**
 * The evidence a round's leaders chose for its staff: a note, or a student quote of
 * one look-for, possibly trimmed. Teachers read these rows and never the notes
 * themselves (`observation_visits.notes`, `observation_facts.quote`). Who picked an
 * item and when is kept for the leaders and the audit log, never sent to staff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('look_for_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('picked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('picked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_evidence_round_idx')
    .on('staff_evidence')
    .columns(['round_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_evidence').execute();
}

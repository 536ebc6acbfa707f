import type { Kysely } from 'kysely';

/**
 * A school's own list of judgement words for the note nudges (JSON text). A school
 * without a row uses the starter list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_nudges')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id'))
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_nudges').execute();
}

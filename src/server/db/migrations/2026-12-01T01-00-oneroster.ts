import type { Kysely } from 'kysely';

/**
 * OneRoster imports: which school each org `sourcedId` became (`roster_orgs`), and
 * each staff member an import brought in (`roster_people`, keyed by `sourcedId`): the
 * name, email and Lookfor roles it gave them (`assignments`, JSON of org sourcedId to
 * role), the account it linked or the invite it made, and whether it is active.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('roster_orgs')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().unique().references('schools.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('roster_people')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('assignments', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('invite_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('roster_people').execute();
  await db.schema.dropTable('roster_orgs').execute();
}

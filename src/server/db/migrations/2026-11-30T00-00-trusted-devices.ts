import type { Kysely } from 'kysely';

/**
 * Devices a person has signed in on: a sign-in from one of them is not held back by
 * the guesses of others behind the same address (a school's one network address).
 * Only a hash of the device cookie is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trusted_devices_user_idx')
    .on('trusted_devices')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trusted_devices').execute();
}

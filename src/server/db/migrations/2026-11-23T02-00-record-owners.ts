import { sql, type Kysely } from 'kysely';

/**
 * Who a record belongs to: an observation to its observer. Pull serves a user only
 * rows they own or rows for everyone (owner null: protocols). Added once accounts
 * exist; records written before that have no owner. School names become unique
 * regardless of case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').addColumn('owner_id', 'text').execute();
  await db.schema.alterTable('conflicts').addColumn('owner_id', 'text').execute();
  await db.schema
    .createIndex('records_owner_seq_idx')
    .on('records')
    .columns(['owner_id', 'server_seq'])
    .execute();
  await db.schema
    .createIndex('conflicts_owner_seq_idx')
    .on('conflicts')
    .columns(['owner_id', 'server_seq'])
    .execute();
  // "Lincoln Elementary" and "lincoln elementary" are one school.
  await db.schema
    .createIndex('schools_name_lower_idx')
    .on('schools')
    .unique()
    .expression(sql`lower(name)`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('schools_name_lower_idx').execute();
  await db.schema.dropIndex('conflicts_owner_seq_idx').execute();
  await db.schema.dropIndex('records_owner_seq_idx').execute();
  await db.schema.alterTable('conflicts').dropColumn('owner_id').execute();
  await db.schema.alterTable('records').dropColumn('owner_id').execute();
}

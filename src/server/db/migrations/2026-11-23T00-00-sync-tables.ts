import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they must not depend on today's table types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into counters (name, value) values ('server_seq', 0)`.execute(db);

  await db.schema
    .createTable('records')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text')
    .addColumn('server_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', ['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('base_rev', 'integer')
    .addColumn('data', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('server_seq', 'integer', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('conflicts_entity_idx')
    .on('conflicts')
    .columns(['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('mutations')
    .addColumn('mutation_id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_seq', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mutations_status_idx').on('mutations').columns(['status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mutations', 'conflicts', 'records', 'counters']) {
    await db.schema.dropTable(table).execute();
  }
}

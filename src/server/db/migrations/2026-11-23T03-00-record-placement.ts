import { sql, type Kysely } from 'kysely';

/**
 * Where a record may be read. `audience` is `owner` (its owner, plus `reader_id`
 * when set), `school` (every member of `school_id`) or `all` (every signed-in
 * user). Pull serves a user only what this placement allows; the write policy of
 * each entity decides it. Records from before have an owner (observations, owner
 * only) or none (protocols, everyone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['records', 'conflicts']) {
    await db.schema.alterTable(table).addColumn('school_id', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('audience', 'text', (c) => c.notNull().defaultTo('owner'))
      .execute();
    await db.schema.alterTable(table).addColumn('reader_id', 'text').execute();
    await sql`update ${sql.table(table)} set audience = 'all' where owner_id is null`.execute(db);
    await db.schema
      .createIndex(`${table}_reader_seq_idx`)
      .on(table)
      .columns(['reader_id', 'server_seq'])
      .execute();
    await db.schema
      .createIndex(`${table}_audience_seq_idx`)
      .on(table)
      .columns(['audience', 'school_id', 'server_seq'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['records', 'conflicts']) {
    await db.schema.dropIndex(`${table}_audience_seq_idx`).execute();
    await db.schema.dropIndex(`${table}_reader_seq_idx`).execute();
    for (const column of ['reader_id', 'audience', 'school_id']) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}

import type { Kysely } from 'kysely';

/**
 * Facts for the results dashboard, kept by the push in the same savepoint as the
 * observation they come from: one row per finished walkthrough visit
 * (`observation_visits`, which also holds its low-inference notes for the
 * evidence panel) and one row per answered look-for (`observation_facts`). No
 * observer, room or teacher is copied here; `observation_fact_totals` sums the
 * seen answers per school, round and day. Per-school sharing of results with
 * staff lives in `school_result_settings` (no row: shared, the default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('observation_visits')
    .addColumn('observation_id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text')
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('protocol_version', 'integer', (c) => c.notNull())
    .addColumn('grade_band', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('observation_visits_round_idx')
    .on('observation_visits')
    .columns(['round_id'])
    .execute();
  await db.schema
    .createIndex('observation_visits_scope_idx')
    .on('observation_visits')
    .columns(['protocol_id', 'school_id', 'observed_on'])
    .execute();

  await db.schema
    .createTable('observation_facts')
    .addColumn('observation_id', 'text', (c) => c.notNull())
    .addColumn('look_for_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text')
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('protocol_version', 'integer', (c) => c.notNull())
    .addColumn('grade_band', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull())
    .addColumn('not_seen', 'integer', (c) => c.notNull())
    .addColumn('na', 'integer', (c) => c.notNull())
    .addColumn('level_id', 'text')
    .addColumn('tally', 'integer')
    .addColumn('has_quote', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addPrimaryKeyConstraint('observation_facts_pk', ['observation_id', 'look_for_id'])
    .execute();
  // A round's table and heat map; a school's trend across rounds; a district view.
  await db.schema
    .createIndex('observation_facts_round_idx')
    .on('observation_facts')
    .columns(['round_id', 'look_for_id', 'grade_band', 'subject'])
    .execute();
  await db.schema
    .createIndex('observation_facts_school_idx')
    .on('observation_facts')
    .columns(['school_id', 'protocol_id', 'observed_on', 'look_for_id'])
    .execute();
  await db.schema
    .createIndex('observation_facts_protocol_idx')
    .on('observation_facts')
    .columns(['protocol_id', 'observed_on', 'school_id', 'look_for_id'])
    .execute();

  // Seen answers summed per school, round and day: trends and district views read
  // these few thousand rows instead of a million facts. '' stands for "no round".
  await db.schema
    .createTable('observation_fact_totals')
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('look_for_id', 'text', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull())
    .addColumn('not_seen', 'integer', (c) => c.notNull())
    .addColumn('na', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_fact_totals_pk', [
      'school_id',
      'protocol_id',
      'round_id',
      'observed_on',
      'look_for_id',
    ])
    .execute();
  await db.schema
    .createIndex('observation_fact_totals_protocol_idx')
    .on('observation_fact_totals')
    .columns(['protocol_id', 'observed_on'])
    .execute();

  await db.schema
    .createTable('school_result_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey())
    .addColumn('share_with_staff', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_result_settings').execute();
  await db.schema.dropTable('observation_fact_totals').execute();
  await db.schema.dropTable('observation_facts').execute();
  await db.schema.dropTable('observation_visits').execute();
}

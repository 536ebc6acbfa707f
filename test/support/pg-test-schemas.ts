import pg from 'pg';
import { connectDb } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';

/**
 * Migrated PostgreSQL schemas, reused between tests of one test process.
 *
 * Migrating a fresh schema took about 130 ms a test (and over a second on a loaded
 * machine); emptying a used one takes a few. A schema goes back to the pool only
 * when its shape (tables, columns, indexes, constraints, functions, migrations run)
 * is still the freshly migrated one, so a test that drops a table or rolls back a
 * migration never leaves its damage to the next: that schema is dropped instead.
 * Rows the migrations themselves insert (the `server_seq` counter) are put back.
 */

const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Every schema this test run makes starts with this; the run's teardown drops them. */
export function testSchemaPrefix(): string {
  const run = process.env.LOOKFOR_TEST_RUN ?? `p${process.pid}`;
  return `t_${run}_`;
}

interface Template {
  signature: string;
  tables: string[];
  /** Rows the migrations insert, per table, as JSON. */
  seeds: Array<{ table: string; rows: string }>;
}

const free: string[] = [];
let template: Promise<Template> | null = null;

const SIGNATURE_SQL = `
select md5(coalesce(string_agg(x, '|' order by x), '')) as signature from (
  select 'rel:' || c.relname || ':' || c.relkind::text || ':' || coalesce((
    select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
      || case when a.attnotnull then ' not null' else '' end
      || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''), ',' order by a.attnum)
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '') as x
  from pg_class c where c.relnamespace = $1::regnamespace
  union all
  select 'con:' || conname || ':' || pg_get_constraintdef(oid) from pg_constraint where connamespace = $1::regnamespace
  union all
  select 'idx:' || pg_get_indexdef(indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
    where c.relnamespace = $1::regnamespace
  union all
  select 'trg:' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relnamespace = $1::regnamespace and not t.tgisinternal
  union all
  select 'fn:' || p.proname || ':' || md5(p.prosrc) from pg_proc p where p.pronamespace = $1::regnamespace
) parts`;

async function signatureOf(client: pg.Client, schema: string): Promise<string> {
  const shape = await client.query<{ signature: string }>(SIGNATURE_SQL, [schema]);
  const ran = await client.query<{ names: string | null }>(
    `select string_agg(name, ',' order by name) as names from "${schema}".kysely_migration`,
  );
  return `${shape.rows[0]?.signature ?? ''}:${ran.rows[0]?.names ?? ''}`;
}

async function describeTemplate(client: pg.Client, schema: string): Promise<Template> {
  const listed = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p') order by 1`,
    [schema],
  );
  const tables = listed.rows.map((r) => r.name).filter((name) => !KYSELY_TABLES.has(name));
  const seeds: Template['seeds'] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string | null }>(
      `select json_agg(t)::text as rows from "${schema}"."${table}" t`,
    );
    if (rows[0]?.rows) seeds.push({ table, rows: rows[0].rows });
  }
  return { signature: await signatureOf(client, schema), tables, seeds };
}

/** Empties a used schema back to its freshly migrated rows, in one transaction. */
async function reset(client: pg.Client, schema: string, shape: Template): Promise<void> {
  const statements = [
    'begin',
    `set local lock_timeout = '2s'`,
    // Without foreign-key triggers, tables can be emptied in any order.
    'set local session_replication_role = replica',
    ...shape.tables.map((table) => `delete from "${schema}"."${table}"`),
    ...shape.seeds.map(
      ({ table, rows }) =>
        `insert into "${schema}"."${table}" select * from json_populate_recordset(null::"${schema}"."${table}", ${client.escapeLiteral(rows)})`,
    ),
    'commit',
  ];
  try {
    await client.query(statements.join(';\n'));
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function migrateNew(url: string): Promise<string> {
  const schema = `${testSchemaPrefix()}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const handle = connectDb({ dataDir: '', databaseUrl: url, pgSchema: schema });
  try {
    await migrateToLatest(handle.db, { schema });
  } finally {
    await handle.close();
  }
  return schema;
}

/** A migrated, empty schema for one test: a reused one when the pool has one. */
export async function takeSchema(client: pg.Client, url: string): Promise<string> {
  template ??= migrateNew(url).then(async (schema) => {
    const shape = await describeTemplate(client, schema);
    free.push(schema);
    return shape;
  });
  const shape = await template;
  for (let schema = free.pop(); schema; schema = free.pop()) {
    try {
      await reset(client, schema, shape);
      return schema;
    } catch {
      await dropSchema(client, schema);
    }
  }
  return migrateNew(url);
}

/** Back to the pool when the test left the schema's shape as it found it; dropped otherwise. */
export async function giveBackSchema(client: pg.Client, schema: string): Promise<void> {
  const shape = await template;
  const unchanged =
    shape && (await signatureOf(client, schema).catch(() => '')) === shape.signature;
  if (unchanged) free.push(schema);
  else await dropSchema(client, schema);
}

async function dropSchema(client: pg.Client, schema: string): Promise<void> {
  await client.query(`drop schema if exists "${schema}" cascade`);
}

/** Drops every schema this run made (the run's global teardown). */
export async function dropRunSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return;
  }
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where starts_with(nspname, $1)`,
      [testSchemaPrefix()],
    );
    for (const { name } of rows) await dropSchema(client, name);
  } finally {
    await client.end();
  }
}

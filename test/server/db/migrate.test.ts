import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config';
import { connectDb, type DbHandle } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { postgresAvailable, postgresUrl } from '../../support/test-db';

const withPostgres = await postgresAvailable();
if (!withPostgres && process.env.CI) throw new Error('PostgreSQL is required in CI');

const schemaName = () => `m_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

async function tablesIn(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1 order by 1',
      [schema],
    );
    return result.rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe.runIf(withPostgres)('migrations in a PostgreSQL schema of their own', () => {
  const opened: Array<{ handle: DbHandle; schema: string }> = [];
  const open = (schema: string) => {
    const handle = connectDb({ dataDir: '', databaseUrl: postgresUrl, pgSchema: schema });
    opened.push({ handle, schema });
    return handle;
  };

  afterEach(async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    for (const { handle, schema } of opened.splice(0)) {
      await handle.close();
      await client.query(`drop schema if exists ${schema} cascade`);
    }
    await client.end();
  });

  it('creates a missing schema and keeps every table, bookkeeping included, inside it', async () => {
    const schema = schemaName();
    const publicBefore = await tablesIn('public');
    const handle = open(schema);
    const applied = await migrateToLatest(handle.db, { schema });
    expect(applied.length).toBeGreaterThan(0);
    const tables = await tablesIn(schema);
    expect(tables).toEqual(
      expect.arrayContaining(['kysely_migration', 'kysely_migration_lock', 'records', 'users']),
    );
    expect(await tablesIn('public')).toEqual(publicBefore);
    expect(handle.describe).toContain(`schema ${schema}`);
  });

  it('migrates a schema beside one already migrated, and a second run applies nothing', async () => {
    const first = schemaName();
    const second = schemaName();
    const applied = await migrateToLatest(open(first).db, { schema: first });
    // The first schema's bookkeeping must not make the second look migrated.
    expect(await migrateToLatest(open(second).db, { schema: second })).toEqual(applied);
    expect(await migrateToLatest(open(first).db, { schema: first })).toEqual([]);
    expect(await tablesIn(second)).toEqual(await tablesIn(first));
  });
});

describe('DATABASE_SCHEMA', () => {
  it('is passed on when it is a plain schema name', () => {
    expect(readConfig({ DATABASE_SCHEMA: 'lookfor_prod' }).pgSchema).toBe('lookfor_prod');
    expect(readConfig({}).pgSchema).toBeUndefined();
  });

  it('stops start-up when it could smuggle SQL into the search path', () => {
    expect(() => readConfig({ DATABASE_SCHEMA: 'x; drop table users' })).toThrow(
      /DATABASE_SCHEMA must be/,
    );
    expect(() =>
      connectDb({ dataDir: '', databaseUrl: postgresUrl, pgSchema: 'Bad Name' }),
    ).toThrow(/not a schema name/);
  });
});

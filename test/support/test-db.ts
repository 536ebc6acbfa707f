import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Kysely,
  sql,
  PostgresDialect,
  PostgresIntrospector,
  type DatabaseIntrospector,
  type PostgresDialectConfig,
} from 'kysely';
import pg from 'pg';
import { connectDb, type DbHandle } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/schema';

export const postgresUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the PostgreSQL that CI and the dev machines run is reachable. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDb extends DbHandle {
  dispose: () => Promise<void>;
}

/** A fresh, migrated database: a temporary SQLite file or a throwaway PostgreSQL schema. */
export async function createTestDb(dialect: 'sqlite' | 'postgres'): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lookfor-test-'));
    const handle = connectDb({ dataDir: dir });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    await migrateSchema(schema);
  } catch (error) {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    throw error;
  }
  const handle = connectDb({ dataDir: '', databaseUrl: postgresUrl, pgSchema: schema });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/**
 * Kysely's migrator looks for its bookkeeping tables in every schema it can see, so
 * while another test's schema exists it finds that one's, skips making its own and
 * fails. And listing every schema's columns races with parallel runs (other test
 * files, other checkouts sharing the database) that drop or alter theirs meanwhile.
 * The migrator only asks which tables exist, so this introspector lists the tables of
 * this one schema, in SQL, and nothing else.
 */
class OneSchemaDialect extends PostgresDialect {
  readonly #schema: string;

  constructor(config: PostgresDialectConfig, schema: string) {
    super(config);
    this.#schema = schema;
  }

  override createIntrospector(db: Kysely<Database>): DatabaseIntrospector {
    const inner = new PostgresIntrospector(db);
    const schema = this.#schema;
    const getTables: DatabaseIntrospector['getTables'] = async () => {
      const { rows } = await sql<{ name: string; type: string }>`
        select table_name as name, table_type as type
        from information_schema.tables where table_schema = ${schema}`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.type === 'VIEW', columns: [] }));
    };
    return {
      getSchemas: () => inner.getSchemas(),
      getTables,
      getMetadata: async (options) => ({ tables: await getTables(options) }),
    };
  }
}

async function migrateSchema(schema: string) {
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    max: 1,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<Database>({ dialect: new OneSchemaDialect({ pool }, schema) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The dialects server tests run against. PostgreSQL is required in CI; on a machine
 * without it the PostgreSQL variants are skipped with a visible notice.
 */
export async function testDialects(): Promise<Array<'sqlite' | 'postgres'>> {
  if (await postgresAvailable()) return ['sqlite', 'postgres'];
  if (process.env.CI)
    throw new Error(`PostgreSQL is required in CI and is not reachable at ${postgresUrl}`);
  console.warn(`PostgreSQL not reachable at ${postgresUrl}: running server tests on SQLite only`);
  return ['sqlite'];
}

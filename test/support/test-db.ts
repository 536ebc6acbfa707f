import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDb, type DbConfig, type DbHandle } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { giveBackSchema, takeSchema } from './pg-test-schemas';

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
  /** The SQLite file, for a test that opens a second connection to it. */
  sqliteFile?: string;
  dispose: () => Promise<void>;
}

let sqliteTemplate: Promise<string> | null = null;

/**
 * One SQLite file migrated once per test process; each test gets a copy of it, which
 * takes milliseconds where running every migration took about half a second. The
 * copy is still migrated to the latest below (a no-op), so a stale template cannot pass.
 */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookfor-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const handle = connectDb({ dataDir: dir });
    await migrateToLatest(handle.db);
    await handle.close();
    return join(dir, 'lookfor.sqlite');
  })();
  return sqliteTemplate;
}

/** A fresh, migrated database: a temporary SQLite file or an empty PostgreSQL schema of its own. */
export async function createTestDb(
  dialect: 'sqlite' | 'postgres',
  options: Pick<DbConfig, 'lockTimeoutMs' | 'poolSize'> = {},
): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lookfor-test-'));
    copyFileSync(await migratedSqliteTemplate(), join(dir, 'lookfor.sqlite'));
    const handle = connectDb({ dataDir: dir, ...options });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      sqliteFile: join(dir, 'lookfor.sqlite'),
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  let schema: string;
  try {
    schema = await takeSchema(admin, postgresUrl);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const handle = connectDb({ dataDir: '', databaseUrl: postgresUrl, pgSchema: schema, ...options });
  const dispose = async () => {
    await handle.close();
    try {
      await giveBackSchema(admin, schema);
    } finally {
      await admin.end();
    }
  };
  return { ...handle, dispose };
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

// A fresh, migrated database for one run: SQLite in a temporary directory or a
// throwaway schema in PostgreSQL's `test` database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDb, type DbConfig, type DbHandle } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';

export type Store = 'sqlite' | 'postgres';

export const postgresUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDb {
  store: Store;
  handle: DbHandle;
  /** How another process connects to the same data. */
  config: DbConfig;
  dispose: () => Promise<void>;
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshDb(store: Store): Promise<BenchDb> {
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lookfor-bench-'));
    const config: DbConfig = { dataDir: dir };
    const handle = connectDb(config);
    await migrateToLatest(handle.db);
    return {
      store,
      handle,
      config,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const config: DbConfig = { dataDir: '', databaseUrl: postgresUrl, pgSchema: schema };
  const handle = connectDb(config);
  const dispose = async () => {
    await handle.close();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  try {
    await migrateToLatest(handle.db, { schema });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { store, handle, config, dispose };
}

/**
 * The stores to run: BENCH_STORES (e.g. `sqlite` or `sqlite,postgres`), else the
 * default; PostgreSQL only when it answers.
 */
export async function storesToRun(fallback = 'sqlite,postgres'): Promise<Store[]> {
  const wanted = (process.env.BENCH_STORES || fallback).split(',');
  const stores: Store[] = [];
  if (wanted.includes('sqlite')) stores.push('sqlite');
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) stores.push('postgres');
    else console.log(`PostgreSQL not reachable at ${postgresUrl}: skipping its figures`);
  }
  return stores;
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { SCHEMA_NAME, SchemaDialect } from './schema-dialect';
import { cachedStatements } from './statement-cache';

export interface DbConfig {
  /** Folder for the embedded SQLite file; ignored when databaseUrl is set. */
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use instead of the default (`DATABASE_SCHEMA`; tests use one each). */
  pgSchema?: string | undefined;
  /** PostgreSQL connections per server process (`DATABASE_POOL_SIZE`). */
  poolSize?: number | undefined;
  /**
   * How long a statement waits for a lock before the request answers 503 (SQLite's
   * busy timeout, PostgreSQL's lock_timeout).
   */
  lockTimeoutMs?: number | undefined;
}

export interface DbHandle {
  /** The connection that writes (on SQLite the one writer). */
  db: Kysely<Database>;
  /**
   * For requests that only read (pulls, sessions, the dashboard): on SQLite a second
   * connection, so reads never queue behind a long push (WAL lets them see the last
   * commit meanwhile); on PostgreSQL the same pool.
   */
  readDb: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** The PostgreSQL schema in use when it is not the default one. */
  schema?: string | undefined;
  describe: string;
  close: () => Promise<void>;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5000;
export const DEFAULT_POOL_SIZE = 20;
/** No statement may run longer than this: a request answers in bounded time. */
const STATEMENT_TIMEOUT_MS = 30_000;

export function connectDb(config: DbConfig): DbHandle {
  const lockTimeoutMs = config.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  if (config.databaseUrl) return connectPostgres(config, lockTimeoutMs);
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'lookfor.sqlite');
  const writer = new SqliteDatabase(file);
  writer.pragma('journal_mode = WAL');
  // FULL: an acknowledged push must survive a power cut, or the device would drop a note the server lost.
  writer.pragma('synchronous = FULL');
  writer.pragma('foreign_keys = ON');
  writer.pragma(`busy_timeout = ${lockTimeoutMs}`);
  const reader = new SqliteDatabase(file, { readonly: true });
  reader.pragma(`busy_timeout = ${lockTimeoutMs}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(writer) }),
  });
  const readDb = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(reader) }),
  });
  return {
    db,
    readDb,
    dialect: 'sqlite',
    describe: `SQLite at ${file}`,
    close: async () => {
      await readDb.destroy();
      await db.destroy();
    },
  };
}

function connectPostgres(config: DbConfig, lockTimeoutMs: number): DbHandle {
  const url = config.databaseUrl ?? '';
  const schema = config.pgSchema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `"${schema}" is not a schema name Lookfor uses (lower case letters, digits, _)`,
    );
  }
  const settings = [
    `-c lock_timeout=${lockTimeoutMs}`,
    `-c statement_timeout=${STATEMENT_TIMEOUT_MS}`,
    ...(schema ? [`-c search_path=${schema}`] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize ?? DEFAULT_POOL_SIZE,
    // A request that cannot get a connection in time answers 503 rather than hang.
    connectionTimeoutMillis: lockTimeoutMs * 2,
    options: settings.join(' '),
  });
  const dialect = schema ? new SchemaDialect({ pool }, schema) : new PostgresDialect({ pool });
  const db = new Kysely<Database>({ dialect });
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    db,
    readDb: db,
    dialect: 'postgres',
    schema,
    describe: `PostgreSQL at ${safeUrl}${schema ? `, schema ${schema}` : ''}`,
    close: () => db.destroy(),
  };
}

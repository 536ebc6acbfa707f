import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { SCHEMA_NAME, SchemaDialect } from './schema-dialect';

export interface DbConfig {
  /** Folder for the embedded SQLite file; ignored when databaseUrl is set. */
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use instead of the default (`DATABASE_SCHEMA`; tests use one each). */
  pgSchema?: string | undefined;
}

export interface DbHandle {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** The PostgreSQL schema in use when it is not the default one. */
  schema?: string | undefined;
  describe: string;
  close: () => Promise<void>;
}

export function connectDb(config: DbConfig): DbHandle {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, config.pgSchema);
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'lookfor.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged push must survive a power cut, or the device would drop a note the server lost.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', describe: `SQLite at ${file}`, close: () => db.destroy() };
}

function connectPostgres(url: string, schema: string | undefined): DbHandle {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `"${schema}" is not a schema name Lookfor uses (lower case letters, digits, _)`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const dialect = schema ? new SchemaDialect({ pool }, schema) : new PostgresDialect({ pool });
  const db = new Kysely<Database>({ dialect });
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    db,
    dialect: 'postgres',
    schema,
    describe: `PostgreSQL at ${safeUrl}${schema ? `, schema ${schema}` : ''}`,
    close: () => db.destroy(),
  };
}

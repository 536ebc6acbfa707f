import { resolve } from 'node:path';
import { SCHEMA_NAME } from './db/schema-dialect';
import { DEFAULT_SUPPRESS_BELOW, MIN_SUPPRESS_BELOW } from '../shared/aggregates/suppression';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A PostgreSQL schema other than the default one. */
  pgSchema: string | undefined;
  distDir: string;
  /** Dashboard cells resting on fewer classrooms than this are suppressed. */
  suppressBelow: number;
}

/** Reads configuration from the environment; a bad value stops start-up with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite store)',
    );
  }
  const pgSchema = env.DATABASE_SCHEMA || undefined;
  if (pgSchema && !SCHEMA_NAME.test(pgSchema)) {
    throw new Error('DATABASE_SCHEMA must be lower case letters, digits and _ (at most 63)');
  }
  const suppressBelow =
    env.SUPPRESS_BELOW === undefined || env.SUPPRESS_BELOW === ''
      ? DEFAULT_SUPPRESS_BELOW
      : Number(env.SUPPRESS_BELOW);
  if (!Number.isInteger(suppressBelow) || suppressBelow < MIN_SUPPRESS_BELOW) {
    throw new Error(
      `SUPPRESS_BELOW must be a whole number of at least ${MIN_SUPPRESS_BELOW} (a figure about fewer classrooms is about people), not "${env.SUPPRESS_BELOW}"`,
    );
  }
  return {
    port,
    suppressBelow,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl,
    pgSchema,
    distDir: resolve(env.DIST_DIR || 'dist'),
  };
}

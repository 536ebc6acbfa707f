import { join, resolve } from 'node:path';
import { DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_POOL_SIZE } from './db/connect';
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
  /** PostgreSQL connections per server process. */
  poolSize: number;
  /** How long a write waits for a database lock before the request answers 503. */
  lockTimeoutMs: number;
  /** Email settings; undefined when `SMTP_URL` is unset and email is off. */
  mail: MailConfig | undefined;
  /** Where photos' bytes live: files under `photoDir` (default) or the database. */
  photoStore: 'files' | 'database';
  /** `PHOTO_DIR`, or `photos` in the data folder; a folder every app server shares. */
  photoDir: string;
}

export interface MailConfig {
  /** `smtp://` or `smtps://`, with the user and password in it when the server wants them. */
  smtpUrl: string;
  /** The From of every message: `lookfor@district.org` or `Lookfor <lookfor@district.org>`. */
  from: string;
  /** Where people open the app; links in emails start with it. */
  publicUrl: string;
}

const MAILBOX = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Email is on only with `SMTP_URL`, which then needs `MAIL_FROM` and `PUBLIC_URL`.
 * Links are built from `PUBLIC_URL`, never from a request's Host header, which a
 * stranger asking for a reset could set to their own site.
 */
function readMail(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const smtpUrl = env.SMTP_URL || undefined;
  if (!smtpUrl) return undefined;
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL must be a URL like smtp://user:password@mail.example.org:587');
  }
  if (!['smtp:', 'smtps:'].includes(smtp.protocol) || !smtp.hostname) {
    throw new Error(
      `SMTP_URL must start with smtp:// or smtps:// and name a host, not "${smtp.protocol}//…"`,
    );
  }
  const from = (env.MAIL_FROM ?? '').trim();
  if (!from) throw new Error('MAIL_FROM is required when SMTP_URL is set (the sender address)');
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  if (!MAILBOX.test(address)) {
    throw new Error(
      `MAIL_FROM must be an address like lookfor@district.org or "Lookfor <lookfor@district.org>", not "${from}"`,
    );
  }
  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  let site: URL | null = null;
  try {
    site = publicUrl ? new URL(publicUrl) : null;
  } catch {
    site = null;
  }
  if (!site || !['http:', 'https:'].includes(site.protocol)) {
    throw new Error(
      'PUBLIC_URL must be the address people open Lookfor at (like https://lookfor.district.org) when SMTP_URL is set: links in emails start with it',
    );
  }
  return { smtpUrl, from, publicUrl };
}

/** A whole number from the environment within bounds, or a clear message naming the variable. */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
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
  const photoStore = env.PHOTO_STORE || 'files';
  if (photoStore !== 'files' && photoStore !== 'database') {
    throw new Error(
      `PHOTO_STORE must be "files" (under PHOTO_DIR, the default) or "database", not "${photoStore}"`,
    );
  }
  const dataDir = resolve(env.DATA_DIR || 'data');
  return {
    port,
    suppressBelow,
    photoStore,
    photoDir: env.PHOTO_DIR ? resolve(env.PHOTO_DIR) : join(dataDir, 'photos'),
    poolSize: wholeNumber(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1, 500),
    lockTimeoutMs: wholeNumber(env, 'LOCK_TIMEOUT_MS', DEFAULT_LOCK_TIMEOUT_MS, 100, 120_000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    pgSchema,
    distDir: resolve(env.DIST_DIR || 'dist'),
    mail: readMail(env),
  };
}

import type { LookforDb } from './db';

export interface SyncMeta {
  cursor: number;
  lastSuccessAt: string | null;
  lastError: string | null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads one meta value, falling back when it is missing or not of the expected kind. */
async function readMeta<T>(
  db: LookforDb,
  key: string,
  guard: (v: unknown) => v is T,
  fallback: T,
): Promise<T> {
  const row = await db.meta.get(key);
  return row !== undefined && guard(row.value) ? row.value : fallback;
}

export async function setMeta(db: LookforDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export function readCursor(db: LookforDb): Promise<number> {
  return readMeta(db, 'cursor', isCount, 0);
}

/**
 * Starts pulling from the beginning when what the user may read has changed (a
 * new school): records that became readable may be older than the cursor. Local
 * records and the outbox are untouched; pulled copies simply arrive again.
 */
export async function pullAgainIfAccessChanged(db: LookforDb, accessKey: string): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await db.meta.get('accessKey');
    if (stored?.value === accessKey) return false;
    await db.meta.put({ key: 'accessKey', value: accessKey });
    // The very first key on a device changes nothing: its cursor is already 0 or fits it.
    if (stored === undefined) return false;
    await db.meta.put({ key: 'cursor', value: 0 });
    return true;
  });
}

/** This device's id for sync, made once and kept with the data it identifies. */
export async function getClientId(db: LookforDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('clientId');
    if (isString(existing?.value)) return existing.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: 'clientId', value: id });
    return id;
  });
}

/** Meta key of the progress of a pull that has pages left (a fresh sign-in, a long absence). */
export const PULL_PROGRESS_KEY = 'pullProgress';

/** How far a pull has come: `cursor` of `latest`, both server sequence numbers. */
export interface PullProgress {
  cursor: number;
  latest: number;
}

const isPullProgress = (v: unknown): v is PullProgress =>
  typeof v === 'object' &&
  v !== null &&
  'cursor' in v &&
  'latest' in v &&
  isCount(v.cursor) &&
  isCount(v.latest);

/**
 * The progress of a pull still under way, or null when none is (or it is done).
 * Only reads, so it can run inside liveQuery: "Fetching notes: 2,000 of 10,000".
 */
export function readPullProgress(db: LookforDb): Promise<PullProgress | null> {
  return readMeta<PullProgress | null>(db, PULL_PROGRESS_KEY, isPullProgress, null);
}

export async function readSyncMeta(db: LookforDb): Promise<SyncMeta> {
  const nullableString = (v: unknown): v is string | null => v === null || isString(v);
  const [cursor, lastSuccessAt, lastError] = await Promise.all([
    readCursor(db),
    readMeta(db, 'lastSuccessAt', nullableString, null),
    readMeta(db, 'lastError', nullableString, null),
  ]);
  return { cursor, lastSuccessAt, lastError };
}

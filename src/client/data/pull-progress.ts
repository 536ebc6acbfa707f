import type { LookforDb } from './db';

/** How far a long first pull has come; absent once the device is up to date. */
export interface PullProgress {
  cursor: number;
  latest: number;
  /** 0-99: never 100 while pages remain. */
  percent: number;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Reads the `pullProgress` meta row the pull writes while more pages wait
 * (`{ cursor, latest }`), tolerating it missing or malformed: null means no pull
 * is under way, or none this reader can describe.
 */
export async function readPullProgress(db: LookforDb): Promise<PullProgress | null> {
  const value = (await db.meta.get('pullProgress'))?.value;
  if (typeof value !== 'object' || value === null) return null;
  if (!('cursor' in value) || !('latest' in value)) return null;
  const { cursor, latest } = value;
  if (!isCount(cursor) || !isCount(latest) || latest === 0) return null;
  const percent = Math.min(99, Math.max(0, Math.floor((cursor / latest) * 100)));
  return { cursor, latest, percent };
}

import type { LookforDb } from './db';
import { readPullProgress, type PullProgress } from './meta';

/** How far a long first pull has come, as the observations list shows it. */
export interface PullProgressShown extends PullProgress {
  /** 0-99: never 100 while pages remain. */
  percent: number;
}

/**
 * The pull's stored progress with its percentage, or null when no pull is under
 * way (or none this reader can describe, such as one against a server that does not
 * say how far it goes).
 */
export async function pullProgressShown(db: LookforDb): Promise<PullProgressShown | null> {
  const progress = await readPullProgress(db);
  if (!progress || progress.latest === 0) return null;
  const percent = Math.min(99, Math.max(0, Math.floor((progress.cursor / progress.latest) * 100)));
  return { ...progress, percent };
}

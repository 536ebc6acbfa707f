import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deletePhotoRow, unreferencedBefore } from './repository';
import type { PhotoStore } from './store';

/** A photo no record has named for this long is deleted, bytes and all. */
export const UNREFERENCED_PHOTO_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Deletes every photo that no record has named for 30 days: one taken off its
 * note, one whose note was deleted, one sent but never put on a note. A photo a
 * record names again meanwhile is kept (the row is deleted only while none does).
 * Returns the hashes deleted.
 */
export async function deleteUnreferencedPhotos(
  db: Kysely<Database>,
  store: PhotoStore,
  now: Date,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - UNREFERENCED_PHOTO_DAYS * DAY_MS).toISOString();
  const deleted: string[] = [];
  for (const hash of await unreferencedBefore(db, cutoff)) {
    if (!(await db.transaction().execute((trx) => deletePhotoRow(trx, hash)))) continue;
    await store.remove(db, hash);
    deleted.push(hash);
  }
  return deleted;
}

/** Runs the clean-up at start and then daily, without keeping the process alive. */
export function startPhotoCleanup(
  db: Kysely<Database>,
  store: PhotoStore,
  log: (message: string, error: unknown) => void,
): { stop: () => void } {
  const run = () => {
    deleteUnreferencedPhotos(db, store, new Date()).catch((error: unknown) =>
      log('photo clean-up failed; it runs again tomorrow', error),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

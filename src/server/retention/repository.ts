import { chunks } from '../db/chunks';
import type { Queryable } from '../db/queryable';

/** All of retention's SQL outside the records table (see records.ts for those). */

/** Deletes audit lines written before `cutoff`; how many. */
export async function deleteAuditBefore(db: Queryable, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Leader-picked evidence (copied note text) picked before `cutoff`; how many deleted. */
export async function deleteEvidenceBefore(db: Queryable, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('staff_evidence')
    .where('picked_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Photos sent before `cutoff`. */
export async function photosSentBefore(db: Queryable, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('photos')
    .select('hash')
    .where('created_at', '<', cutoff)
    .orderBy('hash')
    .execute();
  return rows.map((r) => r.hash);
}

/** Photos this person sent (the row names who first sent the bytes). */
export async function photosFirstSentBy(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('photos')
    .select('hash')
    .where('uploaded_by', '=', userId)
    .orderBy('hash')
    .execute();
  return rows.map((r) => r.hash);
}

/**
 * Deletes photo rows whatever names them: their references and who sent them go too.
 * A record still naming one shows it as missing. The bytes are the store's to remove
 * after the transaction commits.
 */
export async function deletePhotos(db: Queryable, hashes: readonly string[]): Promise<void> {
  for (const part of chunks(hashes, 500)) {
    await db.deleteFrom('photo_refs').where('hash', 'in', part).execute();
    await db.deleteFrom('photo_uploads').where('hash', 'in', part).execute();
    await db.deleteFrom('photos').where('hash', 'in', part).execute();
  }
}

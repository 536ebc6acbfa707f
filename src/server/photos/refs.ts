import { PhotoHash } from '../../shared/photos';
import type { Queryable } from '../db/queryable';
import { replacePhotoRefs, type RecordPhotos } from './repository';

/** The records whose `photos` the server keeps track of (a shared note carries its note's). */
export const entitiesWithPhotos: ReadonlySet<string> = new Set([
  'observation',
  'visit-note',
  'shared-note',
]);

/**
 * The photo hashes a record's data names. Read leniently: the entity's own check
 * has validated a pushed record, and a hash that is not one is simply skipped.
 */
export function photoHashesOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('photos' in data)) return [];
  const photos = (data as { photos?: unknown }).photos;
  if (!Array.isArray(photos)) return [];
  return photos.flatMap((p: unknown) => {
    const hash = typeof p === 'object' && p !== null ? (p as { hash?: unknown }).hash : undefined;
    const parsed = PhotoHash.safeParse(hash);
    return parsed.success ? [parsed.data] : [];
  });
}

interface WrittenRecord {
  record: { entity: string; entityId: string; deleted: boolean; data: unknown };
  updatedAt: string;
}

/**
 * Keeps `photo_refs` in step with records a push writes, in the push's transaction:
 * a record lists exactly the photos its stored version names (none once deleted),
 * so a photo taken off a note, or a deleted note, no longer holds it.
 */
export async function keepPhotoRefs(
  db: Queryable,
  written: Iterable<WrittenRecord>,
): Promise<void> {
  const records: RecordPhotos[] = [];
  let at = '';
  for (const { record, updatedAt } of written) {
    if (!entitiesWithPhotos.has(record.entity)) continue;
    records.push({
      entity: record.entity,
      entityId: record.entityId,
      hashes: record.deleted ? [] : photoHashesOf(record.data),
    });
    if (updatedAt > at) at = updatedAt;
  }
  await replacePhotoRefs(db, records, at);
}

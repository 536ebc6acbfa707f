import type { Actor } from '../sync/access/actor';
import type { Queryable } from '../db/queryable';
import { readableThroughRecords, uploadedBy } from './repository';

/**
 * The photos among `hashes` this user may have: those they sent themselves, and
 * those named by a record they may pull (its readers exactly, by the rule pull
 * applies; a host reads a visit note's photos through the shared note, which
 * carries them only when the observer ticked "photos").
 */
export async function photosHeldFor(
  db: Queryable,
  viewer: Actor,
  hashes: readonly string[],
): Promise<Set<string>> {
  const own = await uploadedBy(db, viewer.userId, hashes);
  const rest = hashes.filter((h) => !own.has(h));
  if (rest.length === 0) return own;
  const readable = await readableThroughRecords(db, viewer, rest);
  return new Set([...own, ...readable]);
}

export async function mayReadPhoto(db: Queryable, viewer: Actor, hash: string): Promise<boolean> {
  return (await photosHeldFor(db, viewer, [hash])).has(hash);
}

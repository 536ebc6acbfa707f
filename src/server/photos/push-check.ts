import type { Mutation } from '../../shared/sync';
import type { Actor } from '../sync/access/actor';
import type { StoredRecord } from '../sync/repository';
import type { Queryable } from '../db/queryable';
import { photoHashesOf } from './refs';
import { uploadedBy } from './repository';

/** The entities a device writes with photos on them. */
const writtenWithPhotos: ReadonlySet<string> = new Set(['observation', 'visit-note']);

export interface PhotoMissing {
  status: 'rejected';
  code: 'photo_missing';
  errors: Array<{ path: string; message: string }>;
}

/**
 * A record never points at a photo the server does not have. A put naming a photo
 * is refused with `photo_missing` unless this user has sent that photo, or the
 * record's stored version names it already. Not a final answer: the device
 * uploads the photo and pushes the same mutation again.
 */
export async function photoMissing(
  db: Queryable,
  actor: Actor,
  mutation: Mutation,
  current: () => Promise<StoredRecord | null>,
): Promise<PhotoMissing | null> {
  if (mutation.op !== 'put' || !writtenWithPhotos.has(mutation.entity)) return null;
  const named = photoHashesOf(mutation.data);
  if (named.length === 0) return null;
  const stored = await current();
  const kept = new Set(stored && !stored.deleted ? photoHashesOf(stored.data) : []);
  const fresh = named.filter((h) => !kept.has(h));
  if (fresh.length === 0) return null;
  const sent = await uploadedBy(db, actor.userId, fresh);
  const missing = fresh.filter((h) => !sent.has(h));
  if (missing.length === 0) return null;
  return {
    status: 'rejected',
    code: 'photo_missing',
    errors: missing.map((hash) => ({
      path: 'photos',
      message: `Photo ${hash} is not on the server yet: upload it, then send this note again`,
    })),
  };
}

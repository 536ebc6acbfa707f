import { PHOTOS_PER_RECORD, PhotoHash, type PhotoRef } from './photos';

/** The records that carry photos. */
export const photoEntities = ['observation', 'visit-note'] as const;
export type PhotoEntity = (typeof photoEntities)[number];

/**
 * The photo hashes a stored or queued record payload names. Reads loosely (the
 * payload is not validated here), so a malformed entry is skipped, never trusted.
 */
export function photoHashesOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('photos' in data)) return [];
  const { photos } = data;
  if (!Array.isArray(photos)) return [];
  return photos.flatMap((ref: unknown) => {
    const hash = typeof ref === 'object' && ref !== null && 'hash' in ref ? ref.hash : undefined;
    return PhotoHash.safeParse(hash).success ? [hash as string] : [];
  });
}

/** A record's photo list with one more photo; a clear error when it cannot take it. */
export function withPhoto(refs: readonly PhotoRef[] | undefined, ref: PhotoRef): PhotoRef[] {
  const list = refs ?? [];
  if (list.some((r) => r.hash === ref.hash)) {
    throw new Error('This photo is already on this note');
  }
  if (list.length >= PHOTOS_PER_RECORD) {
    throw new Error(`A note holds at most ${PHOTOS_PER_RECORD} photos`);
  }
  return [...list, ref];
}

export function withoutPhoto(refs: readonly PhotoRef[] | undefined, hash: string): PhotoRef[] {
  return (refs ?? []).filter((r) => r.hash !== hash);
}

export function withCaption(
  refs: readonly PhotoRef[] | undefined,
  hash: string,
  caption: string,
): PhotoRef[] {
  return (refs ?? []).map((r) => (r.hash === hash ? { ...r, caption } : r));
}

/** Just what decides whether a photo may still be taken off a record. */
export interface PhotoOwnerView {
  status: 'draft' | 'complete';
  share?: { photos?: boolean | undefined };
}

/**
 * The author takes a photo off until the record is shared: an observation until it
 * is finished (then leaders read it), a visit note until it is finished with its
 * photos ticked for the host. Where the school has turned photos off, always: the
 * server takes no photo there, so taking it off is how the note gets sent.
 */
export function canRemovePhoto(
  entity: PhotoEntity,
  record: PhotoOwnerView,
  photosOff = false,
): boolean {
  if (photosOff) return true;
  if (entity === 'observation') return record.status !== 'complete';
  return !(record.status === 'complete' && record.share?.photos === true);
}

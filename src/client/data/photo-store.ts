import type { PhotoEntity } from '../../shared/photo-rules';
import type { PhotoRef } from '../../shared/photos';
import type { LookforDb } from './db';
import {
  addPhoto,
  keepFetchedPhoto,
  localPhoto,
  removePhoto,
  setCaption,
  storageUse,
  type PreparedPhoto,
} from './photos';

type Saved = <T>(write: () => Promise<T>) => Promise<T | null>;

/**
 * A photo's bytes: this device's copy, or fetched from the server once (a pulled
 * record brings only the reference) and kept. Null when neither has them now.
 */
export async function photoBlob(
  db: LookforDb,
  ref: PhotoRef,
  fetcher: typeof fetch,
  now: Date,
): Promise<Blob | null> {
  const held = await localPhoto(db, ref.hash);
  if (held) return held.blob;
  try {
    const response = await fetcher(`/api/photos/${ref.hash}`, { credentials: 'same-origin' });
    if (!response.ok) return null;
    const blob = await response.blob();
    // Keeping it is a convenience: a full device still shows the photo this time.
    await keepFetchedPhoto(db, ref, blob, now).catch(() => undefined);
    return blob;
  } catch {
    return null;
  }
}

/** What the photo strip may do with this device's data (see createStore). */
export function photoStore(db: LookforDb, now: () => Date, saved: Saved) {
  const done = () => true as const;
  return {
    add: (entity: PhotoEntity, id: string, prepared: PreparedPhoto, caption = '') =>
      saved(() => addPhoto(db, entity, id, prepared, caption, now()).then(done)),
    caption: (entity: PhotoEntity, id: string, hash: string, caption: string) =>
      saved(() => setCaption(db, entity, id, hash, caption, now()).then(done)),
    remove: (entity: PhotoEntity, id: string, hash: string, photosOff = false) =>
      saved(() => removePhoto(db, entity, id, hash, now(), photosOff).then(done)),
    blobOf: (ref: PhotoRef) => photoBlob(db, ref, (...args) => fetch(...args), now()),
    storageUse,
  };
}

export type PhotoStore = ReturnType<typeof photoStore>;

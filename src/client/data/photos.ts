import { Observation } from '../../shared/observation';
import {
  canRemovePhoto,
  photoEntities,
  photoHashesOf,
  withCaption,
  withoutPhoto,
  withPhoto,
  type PhotoEntity,
} from '../../shared/photo-rules';
import type { PhotoRef, PhotoType } from '../../shared/photos';
import { VisitNote } from '../../shared/visits';
import type { LocalPhoto, LocalRecord, LookforDb } from './db';
import { writeRecord } from './write-record';

/** A photo made ready on the device (resized, re-encoded, hashed): see photos/prepare.ts. */
export interface PreparedPhoto {
  hash: string;
  blob: Blob;
  type: PhotoType;
  bytes: number;
  width: number;
  height: number;
}

type PhotoRecord = Observation | VisitNote;
const schemaOf = (entity: PhotoEntity) => (entity === 'observation' ? Observation : VisitNote);

/** Reads, changes and writes a record's photo list; the caller holds the transaction. */
async function changePhotos(
  db: LookforDb,
  entity: PhotoEntity,
  id: string,
  now: Date,
  change: (record: PhotoRecord) => PhotoRef[],
): Promise<PhotoRecord> {
  const stored = await db.records.get([entity, id]);
  if (!stored || stored.deleted === 1) throw new Error('This note is not on this device');
  const record = schemaOf(entity).parse(stored.data);
  const next = schemaOf(entity).parse({ ...record, photos: change(record) });
  await writeRecord(db, entity, id, next, { now, existing: stored });
  return next;
}

/**
 * Adds a photo to a record: the blob, the record's new photo list and its outbox
 * row are written in ONE transaction, so a photo is never orphaned and never lost.
 * Anything failing (a full disk) leaves the note exactly as it was.
 */
export async function addPhoto(
  db: LookforDb,
  entity: PhotoEntity,
  recordId: string,
  prepared: PreparedPhoto,
  caption: string,
  now: Date,
): Promise<void> {
  const ref: PhotoRef = {
    hash: prepared.hash,
    type: prepared.type,
    bytes: prepared.bytes,
    width: prepared.width,
    height: prepared.height,
    caption,
    addedAt: now.toISOString(),
  };
  await db.transaction('rw', db.records, db.outbox, db.photos, async () => {
    await changePhotos(db, entity, recordId, now, (record) => withPhoto(record.photos, ref));
    const held = await db.photos.get(prepared.hash);
    if (held) return;
    await db.photos.add({ ...prepared, uploaded: 0, createdAt: now.toISOString() });
  });
}

export async function setCaption(
  db: LookforDb,
  entity: PhotoEntity,
  recordId: string,
  hash: string,
  caption: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    await changePhotos(db, entity, recordId, now, (r) => withCaption(r.photos, hash, caption));
  });
}

/**
 * Takes a photo off a record (its author, until the record is shared). The bytes
 * go too once no record and no change waiting for the server names them.
 */
export async function removePhoto(
  db: LookforDb,
  entity: PhotoEntity,
  recordId: string,
  hash: string,
  now: Date,
  photosOff = false,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.photos, async () => {
    await changePhotos(db, entity, recordId, now, (record) => {
      if (!canRemovePhoto(entity, record, photosOff)) {
        throw new Error('This photo is shared now; it can no longer be removed');
      }
      return withoutPhoto(record.photos, hash);
    });
    if (!(await photoInUse(db, hash))) await db.photos.delete(hash);
  });
}

/** Whether any record on this device, or any change waiting to be sent, names this photo. */
export async function photoInUse(db: LookforDb, hash: string): Promise<boolean> {
  const names = (data: unknown) => photoHashesOf(data).includes(hash);
  const inRecords = await db.records
    .where('entity')
    .anyOf([...photoEntities])
    .filter((r: LocalRecord) => r.deleted === 0 && names(r.data))
    .count();
  if (inRecords > 0) return true;
  return (await db.outbox.filter((row) => names(row.data)).count()) > 0;
}

export async function localPhoto(db: LookforDb, hash: string): Promise<LocalPhoto | undefined> {
  return db.photos.get(hash);
}

/** Keeps a photo fetched from the server (it is there already, so never uploaded again). */
export async function keepFetchedPhoto(
  db: LookforDb,
  ref: PhotoRef,
  blob: Blob,
  now: Date,
): Promise<void> {
  await db.photos.put({
    hash: ref.hash,
    blob,
    type: ref.type,
    bytes: blob.size,
    width: ref.width,
    height: ref.height,
    uploaded: 1,
    createdAt: now.toISOString(),
  });
}

/** Of these hashes, the photos this device holds and has not yet seen reach the server. */
export async function notUploaded(db: LookforDb, hashes: string[]): Promise<LocalPhoto[]> {
  const held = await db.photos.bulkGet([...new Set(hashes)]);
  return held.filter((p): p is LocalPhoto => p !== undefined && p.uploaded === 0);
}

/** Of these hashes, the ones whose bytes this device holds. */
export async function heldHashes(db: LookforDb, hashes: string[]): Promise<Set<string>> {
  const held = await db.photos.bulkGet([...new Set(hashes)]);
  return new Set(held.flatMap((p) => (p ? [p.hash] : [])));
}

export async function markUploaded(db: LookforDb, hashes: string[], uploaded: 0 | 1) {
  if (hashes.length === 0) return;
  await db.photos.where('hash').anyOf(hashes).modify({ uploaded });
}

/** Photos waiting to be sent, for "Export unsent". */
export async function unsentPhotos(db: LookforDb): Promise<LocalPhoto[]> {
  return db.photos.where('uploaded').equals(0).toArray();
}

/** How much this site stores on the device, and how much it may. */
export async function storageUse(): Promise<{ usage: number; quota: number } | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}

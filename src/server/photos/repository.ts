import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { chunks } from '../db/chunks';
import type { Actor } from '../sync/access/actor';
import { readableBy } from '../sync/access/viewer';
import type { Queryable } from '../db/queryable';

/** All of the photos feature's SQL. */

export interface PhotoRow {
  hash: string;
  uploadedBy: string;
  schoolId: string;
  type: string;
  bytes: number;
  width: number;
  height: number;
  createdAt: string;
}

const asBytes = (data: unknown): Uint8Array | null => (data instanceof Uint8Array ? data : null);

export async function findPhoto(db: Queryable, hash: string): Promise<PhotoRow | null> {
  const row = await db
    .selectFrom('photos')
    .select(['hash', 'uploaded_by', 'school_id', 'type', 'bytes', 'width', 'height', 'created_at'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row
    ? {
        hash: row.hash,
        uploadedBy: row.uploaded_by,
        schoolId: row.school_id,
        type: row.type,
        bytes: Number(row.bytes),
        width: Number(row.width),
        height: Number(row.height),
        createdAt: row.created_at,
      }
    : null;
}

export async function photoDataOf(db: Queryable, hash: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('photos')
    .select('data')
    .where('hash', '=', hash)
    .executeTakeFirst();
  return asBytes(row?.data);
}

/**
 * Inserts a photo unless its hash is there already (two uploads of the same bytes
 * race harmlessly). True when this call stored it.
 */
export async function insertPhoto(
  db: Queryable,
  photo: PhotoRow,
  data: Uint8Array | null,
): Promise<boolean> {
  const result = await db
    .insertInto('photos')
    .values({
      hash: photo.hash,
      uploaded_by: photo.uploadedBy,
      school_id: photo.schoolId,
      type: photo.type,
      bytes: photo.bytes,
      width: photo.width,
      height: photo.height,
      created_at: photo.createdAt,
      // Not on any record yet: cleaned up if none ever names it.
      unreferenced_at: photo.createdAt,
      data,
    })
    .onConflict((oc) => oc.column('hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Notes that this user has sent these bytes, so they may put the photo on their records. */
export async function recordUpload(
  db: Queryable,
  hash: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('photo_uploads')
    .values({ hash, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['hash', 'user_id']).doNothing())
    .execute();
}

/** Which of these photos the server holds as sent by this user. */
export async function uploadedBy(
  db: Queryable,
  userId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  const held = new Set<string>();
  for (const part of chunks([...new Set(hashes)], 500)) {
    const rows = await db
      .selectFrom('photo_uploads')
      .innerJoin('photos', 'photos.hash', 'photo_uploads.hash')
      .select('photo_uploads.hash')
      .where('photo_uploads.user_id', '=', userId)
      .where('photo_uploads.hash', 'in', part)
      .execute();
    for (const r of rows) held.add(r.hash);
  }
  return held;
}

/**
 * Which of these photos a record the viewer may pull names: the records' own read
 * rule (`readableBy`, as pull applies it), so a photo's readers are its records'.
 */
export async function readableThroughRecords(
  db: Queryable,
  viewer: Actor,
  hashes: readonly string[],
): Promise<Set<string>> {
  const held = new Set<string>();
  for (const part of chunks([...new Set(hashes)], 500)) {
    const rows = await db
      .selectFrom('photo_refs')
      .innerJoin('records', (join) =>
        join
          .onRef('records.entity', '=', 'photo_refs.entity')
          .onRef('records.entity_id', '=', 'photo_refs.entity_id'),
      )
      .select('photo_refs.hash')
      .where('photo_refs.hash', 'in', part)
      .where('records.deleted', '=', 0)
      .where(readableBy(viewer))
      .execute();
    for (const r of rows) held.add(r.hash);
  }
  return held;
}

export interface RecordPhotos {
  entity: string;
  entityId: string;
  hashes: readonly string[];
}

/**
 * Makes `photo_refs` list exactly these hashes for each of these records, and
 * keeps each touched photo's `unreferenced_at` true: null while a record names it,
 * the time of the write from when none does.
 */
export async function replacePhotoRefs(
  db: Queryable,
  records: readonly RecordPhotos[],
  at: string,
): Promise<void> {
  if (records.length === 0) return;
  const key = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;
  const wanted = new Map(records.map((r) => [key(r.entity, r.entityId), new Set(r.hashes)]));
  const existing: Array<{ hash: string; entity: string; entity_id: string }> = [];
  for (const part of chunks(records, 300)) {
    existing.push(
      ...(await db
        .selectFrom('photo_refs')
        .select(['hash', 'entity', 'entity_id'])
        .where((eb) =>
          eb.or(
            part.map((r) =>
              eb.and([eb('entity', '=', r.entity), eb('entity_id', '=', r.entityId)]),
            ),
          ),
        )
        .execute()),
    );
  }
  const gone = existing.filter((e) => !wanted.get(key(e.entity, e.entity_id))?.has(e.hash));
  const had = new Set(existing.map((e) => key(e.entity, e.entity_id) + e.hash));
  const added = records.flatMap((r) =>
    [...new Set(r.hashes)]
      .filter((hash) => !had.has(key(r.entity, r.entityId) + hash))
      .map((hash) => ({ hash, entity: r.entity, entity_id: r.entityId })),
  );
  for (const g of gone) {
    await db
      .deleteFrom('photo_refs')
      .where('hash', '=', g.hash)
      .where('entity', '=', g.entity)
      .where('entity_id', '=', g.entity_id)
      .execute();
  }
  for (const part of chunks(added, 300)) {
    await db
      .insertInto('photo_refs')
      .values(part)
      .onConflict((oc) => oc.columns(['hash', 'entity', 'entity_id']).doNothing())
      .execute();
  }
  const addedHashes = [...new Set(added.map((a) => a.hash))];
  for (const part of chunks(addedHashes, 500)) {
    await db
      .updateTable('photos')
      .set({ unreferenced_at: null })
      .where('hash', 'in', part)
      .execute();
  }
  const goneHashes = [...new Set(gone.map((g) => g.hash))];
  for (const part of chunks(goneHashes, 500)) {
    await db
      .updateTable('photos')
      .set({ unreferenced_at: at })
      .where('hash', 'in', part)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('photo_refs')
              .select(sql.lit(1).as('one'))
              .whereRef('photo_refs.hash', '=', 'photos.hash'),
          ),
        ),
      )
      .execute();
  }
}

/** No record's `photos` name this photo (a condition on the `photos` table). */
const namedByNoRecord = ({ not, exists, selectFrom }: ExpressionBuilder<Database, 'photos'>) =>
  not(
    exists(
      selectFrom('photo_refs')
        .select(sql.lit(1).as('one'))
        .whereRef('photo_refs.hash', '=', 'photos.hash'),
    ),
  );

/** Photos no record has named since before `cutoff`. */
export async function unreferencedBefore(db: Queryable, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('photos')
    .select('hash')
    .where('unreferenced_at', '<=', cutoff)
    .where(namedByNoRecord)
    .execute();
  return rows.map((r) => r.hash);
}

/** Deletes a photo's row and who sent it, unless a record has come to name it meanwhile. */
export async function deletePhotoRow(db: Queryable, hash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('photos')
    .where('hash', '=', hash)
    .where(namedByNoRecord)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted) await db.deleteFrom('photo_uploads').where('hash', '=', hash).execute();
  return deleted;
}

/** The photos this user has sent, oldest first, for their export. */
export async function photosSentBy(db: Queryable, userId: string): Promise<PhotoRow[]> {
  const rows = await db
    .selectFrom('photo_uploads')
    .innerJoin('photos', 'photos.hash', 'photo_uploads.hash')
    .select([
      'photos.hash',
      'photos.uploaded_by',
      'photos.school_id',
      'photos.type',
      'photos.bytes',
      'photos.width',
      'photos.height',
      'photo_uploads.created_at',
    ])
    .where('photo_uploads.user_id', '=', userId)
    .orderBy('photo_uploads.created_at')
    .orderBy('photos.hash')
    .execute();
  return rows.map((row) => ({
    hash: row.hash,
    uploadedBy: row.uploaded_by,
    schoolId: row.school_id,
    type: row.type,
    bytes: Number(row.bytes),
    width: Number(row.width),
    height: Number(row.height),
    createdAt: row.created_at,
  }));
}

/** Whether a school lets its staff add photos (no row: yes, the default). */
export async function photosAllowedIn(db: Queryable, schoolId: string): Promise<boolean> {
  const row = await db
    .selectFrom('school_photo_settings')
    .select('photos_allowed')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? Number(row.photos_allowed) === 1 : true;
}

/** The schools among these that have turned photos off. */
export async function schoolsWithoutPhotos(
  db: Queryable,
  schoolIds: readonly string[],
): Promise<Set<string>> {
  if (schoolIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('school_photo_settings')
    .select('school_id')
    .where('photos_allowed', '=', 0)
    .where('school_id', 'in', [...schoolIds])
    .execute();
  return new Set(rows.map((r) => r.school_id));
}

export async function setPhotosAllowed(
  db: Queryable,
  schoolId: string,
  allowed: boolean,
  by: string,
  at: string,
): Promise<void> {
  const value = allowed ? 1 : 0;
  await db
    .insertInto('school_photo_settings')
    .values({ school_id: schoolId, photos_allowed: value, updated_at: at, updated_by: by })
    .onConflict((oc) =>
      oc.column('school_id').doUpdateSet({ photos_allowed: value, updated_at: at, updated_by: by }),
    )
    .execute();
}

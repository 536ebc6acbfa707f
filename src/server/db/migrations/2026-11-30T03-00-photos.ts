import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Photos, named by the SHA-256 of their bytes. `photos` holds one row per photo (its
 * bytes in `data` only with PHOTO_STORE=database; otherwise in a file under the data
 * folder). `photo_uploads` says who has sent those bytes (two people may send the same
 * ones; each may then use them). `photo_refs` lists the records whose `photos` name a
 * photo, kept in step with the records on push, so readers and clean-up need no JSON.
 * `school_photo_settings` turns photos off for a school (no row: on, the default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isPostgres(db) ? 'bytea' : 'blob';
  await db.schema
    .createTable('photos')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Since when no record names the photo (null while one does); cleaned up 30 days on.
    .addColumn('unreferenced_at', 'text')
    .addColumn('data', bytes)
    .execute();
  await db.schema
    .createTable('photo_uploads')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_uploads_pk', ['hash', 'user_id'])
    .execute();
  await db.schema
    .createIndex('photo_uploads_user_idx')
    .on('photo_uploads')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('photo_refs')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_refs_pk', ['hash', 'entity', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('photo_refs_record_idx')
    .on('photo_refs')
    .columns(['entity', 'entity_id'])
    .execute();
  await db.schema
    .createTable('school_photo_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey())
    .addColumn('photos_allowed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_photo_settings').execute();
  await db.schema.dropTable('photo_refs').execute();
  await db.schema.dropTable('photo_uploads').execute();
  await db.schema.dropTable('photos').execute();
}

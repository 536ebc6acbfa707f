import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Queryable } from '../db/queryable';
import { photoDataOf } from './repository';

/**
 * Where a photo's bytes live. The row in `photos` is written by the repository in
 * any case; a store keeps only the bytes. Hashes reach a store only after
 * `PhotoHash` validated them, so they are safe in a path.
 */
export interface PhotoStore {
  readonly kind: 'files' | 'database';
  /** Keeps the bytes, whole or not at all; called before the row is inserted. */
  write(db: Queryable, hash: string, bytes: Uint8Array): Promise<void>;
  read(db: Queryable, hash: string): Promise<Uint8Array | null>;
  /** Whether the row carries the bytes (they are inserted with it). */
  readonly inRow: boolean;
  /** Forgets the bytes; called after the row is deleted. */
  remove(db: Queryable, hash: string): Promise<void>;
}

/** `<dir>/<first two hex>/<hash>`: a folder holds at most a few thousand files. */
export const photoPath = (dir: string, hash: string) => join(dir, hash.slice(0, 2), hash);

/** Files under a folder: written to a temporary name, flushed to disk, then renamed. */
export function fileStore(dir: string): PhotoStore {
  return {
    kind: 'files',
    inRow: false,
    async write(_db, hash, bytes) {
      const path = photoPath(dir, hash);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const file = await open(temp, 'wx');
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      // The rename itself survives a power cut only once its folder is flushed.
      const folder = await open(dirname(path), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    },
    async read(_db, hash) {
      try {
        return await readFile(photoPath(dir, hash));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(_db, hash) {
      await rm(photoPath(dir, hash), { force: true });
    },
  };
}

/**
 * The bytes in the `photos` row itself, for several app servers over one PostgreSQL.
 * The row is inserted with its bytes in one statement (see insertPhoto), so `write`
 * has nothing left to do.
 */
export function databaseStore(): PhotoStore {
  return {
    kind: 'database',
    inRow: true,
    write: async () => undefined,
    read: (db, hash) => photoDataOf(db, hash),
    // The bytes went with the row.
    remove: async () => undefined,
  };
}

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhotoRef, PhotoType } from '../../src/shared/photos';
import { databaseStore, fileStore, type PhotoStore } from '../../src/server/photos/store';
import type { TestServer } from './server-app';

/** Fixtures made by `scripts/make-photo-fixtures.ts` (Chromium's canvas, then byte surgery). */
export const fixture = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(join('test/fixtures/photos', name)));

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const storeKinds = ['files', 'database'] as const;
export type StoreKind = (typeof storeKinds)[number];

/** A photo store for a test; the file store in a fresh temporary folder. */
export function testPhotoStore(kind: StoreKind): { store: PhotoStore; dir: string | null } {
  if (kind === 'database') return { store: databaseStore(), dir: null };
  const dir = mkdtempSync(join(tmpdir(), 'lookfor-photos-'));
  return { store: fileStore(dir), dir };
}

export interface UploadOptions {
  type?: string;
  hash?: string;
  schoolId: string;
  cookie: string;
}

export function uploadPhoto(
  server: TestServer,
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  options: UploadOptions,
): Promise<Response> {
  const hash = options.hash ?? (bytes instanceof Uint8Array ? sha256(bytes) : '0'.repeat(64));
  return Promise.resolve(
    server.app.request(`/api/photos/${hash}?school=${options.schoolId}`, {
      method: 'PUT',
      headers: { 'content-type': options.type ?? 'image/jpeg', cookie: options.cookie },
      body: bytes,
      // A stream body must say it is sent while the answer may already come back.
      ...(bytes instanceof Uint8Array ? {} : { duplex: 'half' }),
    } as RequestInit),
  );
}

/** What a record holds about a photo, for these bytes. */
export function photoRef(bytes: Uint8Array, type: PhotoType = 'image/jpeg'): PhotoRef {
  return {
    hash: sha256(bytes),
    type,
    bytes: bytes.length,
    width: 96,
    height: 64,
    caption: 'Anchor chart for partner talk',
    addedAt: '2026-11-30T13:20:00.000Z',
  };
}

export function getPhoto(server: TestServer, hash: string, cookie: string): Promise<Response> {
  return Promise.resolve(server.app.request(`/api/photos/${hash}`, { headers: { cookie } }));
}

export async function missingPhotos(
  server: TestServer,
  hashes: string[],
  cookie: string,
): Promise<Response> {
  return server.app.request('/api/photos/missing', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ hashes }),
  });
}

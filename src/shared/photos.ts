import * as z from 'zod/mini';
import { safeText } from './text-rules';
import { isoDateTime } from './time';

/**
 * Photos of student work, anchor charts and tasks on the board, kept beside a note.
 * A photo is named by the SHA-256 of its bytes (lowercase hex), so an upload is
 * idempotent and a record can only point at exactly the bytes its author saved.
 */
export const PhotoHash = z
  .string({ error: 'A photo is named by its SHA-256 hash' })
  .check(z.regex(/^[0-9a-f]{64}$/, { error: 'A photo hash is 64 lowercase hex characters' }));
export type PhotoHash = z.infer<typeof PhotoHash>;

/** The encodings the device stores and the server accepts. */
export const photoTypes = ['image/jpeg', 'image/webp', 'image/png'] as const;
export const PhotoType = z.enum(photoTypes, { error: 'A photo is a JPEG, WebP or PNG image' });
export type PhotoType = z.infer<typeof PhotoType>;

/** The device resizes to this long edge before it stores a photo. */
export const PHOTO_LONG_EDGE = 1600;
/** The device re-encodes until a photo is at most this many bytes. */
export const PHOTO_MAX_BYTES = 400 * 1024;
/** The upload route refuses a body larger than this (a margin over PHOTO_MAX_BYTES). */
export const PHOTO_UPLOAD_LIMIT = 1024 * 1024;
/** Photos on one record. */
export const PHOTOS_PER_RECORD = 12;
export const CAPTION_MAX = 200;

/** What a record holds about one of its photos; the bytes travel on their own route. */
export const PhotoRef = z.object({
  hash: PhotoHash,
  type: PhotoType,
  bytes: z.int().check(z.positive(), z.lte(PHOTO_UPLOAD_LIMIT)),
  width: z.int().check(z.positive(), z.lte(10_000)),
  height: z.int().check(z.positive(), z.lte(10_000)),
  caption: z
    .string()
    .check(
      z.maxLength(CAPTION_MAX, { error: `A caption is at most ${CAPTION_MAX} characters` }),
      safeText('Caption'),
    ),
  addedAt: isoDateTime,
});
export type PhotoRef = z.infer<typeof PhotoRef>;

export const PhotoRefs = z.array(PhotoRef).check(
  z.maxLength(PHOTOS_PER_RECORD, { error: `At most ${PHOTOS_PER_RECORD} photos on one note` }),
  z.refine((refs) => new Set(refs.map((r) => r.hash)).size === refs.length, {
    error: 'The same photo is on this note twice',
  }),
);
export type PhotoRefs = z.infer<typeof PhotoRefs>;

/** `PUT /api/photos/:hash?school=<id>` answers this (201 when new, 200 when already held). */
export const PhotoUploaded = z.object({ hash: PhotoHash, bytes: z.int(), stored: z.boolean() });
export type PhotoUploaded = z.infer<typeof PhotoUploaded>;

/** `POST /api/photos/missing`: which of these the server does not hold (for this user). */
export const MissingPhotosRequest = z.object({
  hashes: z.array(PhotoHash).check(z.maxLength(500)),
});
export type MissingPhotosRequest = z.infer<typeof MissingPhotosRequest>;
export const MissingPhotosAnswer = z.object({ missing: z.array(PhotoHash) });
export type MissingPhotosAnswer = z.infer<typeof MissingPhotosAnswer>;

/** `PUT /api/schools/:id/photos`: a principal or district admin turns photos on or off. */
export const PhotoSetting = z.object({ photosAllowed: z.boolean() });
export type PhotoSetting = z.infer<typeof PhotoSetting>;
/** `GET` and `PUT /api/schools/:id/photos` answer this. */
export const SchoolPhotoSetting = z.object({ schoolId: z.uuid(), photosAllowed: z.boolean() });
export type SchoolPhotoSetting = z.infer<typeof SchoolPhotoSetting>;

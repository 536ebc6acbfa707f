import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import {
  MissingPhotosRequest,
  PHOTO_UPLOAD_LIMIT,
  PhotoHash,
  PhotoType,
  type MissingPhotosAnswer,
} from '../../shared/photos';
import * as z from 'zod/mini';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { mayReadPhoto, photosHeldFor } from './access';
import { findPhoto } from './repository';
import type { PhotoStore } from './store';
import { mayUploadIn, storePhoto } from './upload';

const SchoolId = z.uuid();
const notFound = 'No such photo';

/**
 * The body is read with a running count: a body over the limit is cut off where it
 * crosses it (never buffered whole), and one that breaks off midway is refused.
 */
function limitedBody(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: PHOTO_UPLOAD_LIMIT,
    onError: (c) =>
      sendError(
        c,
        413,
        'payload_too_large',
        `A photo is at most ${PHOTO_UPLOAD_LIMIT / 1024 / 1024} MB; the app shrinks photos before they are sent`,
      ),
  });
  return async (c, next) => {
    let reached = false;
    try {
      const refused = await limit(c, async () => {
        reached = true;
        await next();
      });
      if (refused) return refused;
    } catch (error) {
      if (reached) throw error;
      return sendError(
        c,
        400,
        'invalid_request',
        'The upload broke off before its end; nothing was stored',
      );
    }
  };
}

export function photoRoutes(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  { store, now }: { store: PhotoStore; now: () => Date },
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.post('/missing', async (c) => {
    const body = await parseBody(c, MissingPhotosRequest);
    if (!body.ok) return body.response;
    const held = await photosHeldFor(readDb, c.get('auth')!, body.value.hashes);
    const missing = [...new Set(body.value.hashes)].filter((h) => !held.has(h));
    return c.json({ missing } satisfies MissingPhotosAnswer);
  });

  routes.put(
    '/:hash',
    async (c, next) => {
      const hash = PhotoHash.safeParse(c.req.param('hash'));
      if (!hash.success) {
        return sendError(
          c,
          400,
          'invalid_request',
          'A photo is named by its SHA-256 hash: 64 lowercase hex characters',
        );
      }
      const type = PhotoType.safeParse(
        (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      );
      if (!type.success) {
        return sendError(
          c,
          415,
          'unsupported_media_type',
          'Send a photo as image/jpeg, image/webp or image/png',
        );
      }
      const schoolId = c.req.query('school');
      if (!SchoolId.safeParse(schoolId).success) {
        return sendError(
          c,
          400,
          'invalid_request',
          'Say which school the photo is for: ?school=<school id>',
        );
      }
      const allowed = await mayUploadIn(db, c.get('auth')!, schoolId!);
      if (!allowed.ok) return sendError(c, allowed.status, allowed.code, allowed.message);
      return next();
    },
    limitedBody(),
    async (c) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await c.req.arrayBuffer());
      } catch {
        return sendError(
          c,
          400,
          'invalid_request',
          'The upload broke off before its end; nothing was stored',
        );
      }
      if (bytes.length === 0) {
        return sendError(
          c,
          415,
          'unsupported_media_type',
          'The upload is empty; send the photo itself',
        );
      }
      const result = await storePhoto(db, store, {
        hash: c.req.param('hash'),
        type: PhotoType.parse(
          (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        ),
        bytes,
        schoolId: c.req.query('school')!,
        actor: c.get('auth')!,
        at: now().toISOString(),
      });
      if (!result.ok) return sendError(c, result.status, result.code, result.message);
      return c.json(result.body, result.status);
    },
  );

  routes.get('/:hash', async (c) => {
    const hash = PhotoHash.safeParse(c.req.param('hash'));
    if (!hash.success) return sendError(c, 404, 'not_found', notFound);
    const photo = await findPhoto(readDb, hash.data);
    // Whether a photo exists is itself told only to those who may see it.
    if (!photo || !(await mayReadPhoto(readDb, c.get('auth')!, hash.data))) {
      return sendError(c, 404, 'not_found', notFound);
    }
    const bytes = await store.read(readDb, hash.data);
    if (!bytes) return sendError(c, 404, 'not_found', notFound);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': photo.type,
      'Content-Length': String(bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
  });

  return routes;
}

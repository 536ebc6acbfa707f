import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../shared/errors';
import type { PhotoType, PhotoUploaded } from '../../shared/photos';
import { findSchool } from '../schools/repository';
import type { Database } from '../db/schema';
import { isMember, type Actor } from '../sync/access/actor';
import type { Queryable } from '../db/queryable';
import { findPhoto, insertPhoto, photosAllowedIn, recordUpload } from './repository';
import type { PhotoStore } from './store';
import { checkPhoto } from './validate';

export type Refusal = {
  ok: false;
  status: 400 | 403 | 404 | 415;
  code: ErrorCode;
  message: string;
};
const refuse = (status: Refusal['status'], code: ErrorCode, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

/**
 * Whether this user may add photos in this school: anyone on its staff (every role
 * records observations or visit notes), a district admin in any school, and only
 * while the school allows photos. Checked before the body is read.
 */
export async function mayUploadIn(
  db: Queryable,
  actor: Actor,
  schoolId: string,
): Promise<{ ok: true } | Refusal> {
  const inSchool =
    isMember(actor, schoolId) || (actor.districtAdmin && !!(await findSchool(db, schoolId)));
  if (!inSchool) return refuse(403, 'forbidden', 'You are not on the staff of this school');
  if (!(await photosAllowedIn(db, schoolId))) {
    return refuse(403, 'forbidden', 'Photos are turned off for this school');
  }
  return { ok: true };
}

export interface Upload {
  hash: string;
  type: PhotoType;
  bytes: Uint8Array;
  schoolId: string;
  actor: Actor;
  at: string;
}

/**
 * Stores a photo once: the bytes must hash to the name they were sent under and be
 * one whole image of the declared type. The same bytes again answer `stored: false`
 * (a device that lost the first answer just sends again) and note that this user
 * sent them too. Nothing is stored when anything is wrong.
 */
export async function storePhoto(
  db: Kysely<Database>,
  store: PhotoStore,
  upload: Upload,
): Promise<{ ok: true; status: 200 | 201; body: PhotoUploaded } | Refusal> {
  const { hash, type, bytes, actor, at } = upload;
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== hash) {
    return refuse(
      400,
      'hash_mismatch',
      `The photo's bytes hash to ${actual}, not ${hash}: it was changed or cut off on the way; nothing was stored`,
    );
  }
  const answer = (stored: boolean) => ({
    ok: true as const,
    status: stored ? (201 as const) : (200 as const),
    body: { hash, bytes: bytes.length, stored },
  });
  if (await findPhoto(db, hash)) {
    await recordUpload(db, hash, actor.userId, at);
    return answer(false);
  }
  const check = checkPhoto(type, bytes);
  if (!check.ok)
    return refuse(415, 'unsupported_media_type', `${check.message}; nothing was stored`);
  await store.write(db, hash, bytes);
  const stored = await db.transaction().execute(async (trx) => {
    const inserted = await insertPhoto(
      trx,
      {
        hash,
        uploadedBy: actor.userId,
        schoolId: upload.schoolId,
        type,
        bytes: bytes.length,
        width: check.width,
        height: check.height,
        createdAt: at,
      },
      store.inRow ? bytes : null,
    );
    await recordUpload(trx, hash, actor.userId, at);
    return inserted;
  });
  return answer(stored);
}

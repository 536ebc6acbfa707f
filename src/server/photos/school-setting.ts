import type { SchoolRef } from '../../shared/accounts';
import type { Queryable } from '../db/queryable';
import { schoolsWithoutPhotos } from './repository';

/**
 * The user's schools as `/api/auth/me` lists them; a school that turned photos off
 * says `photosAllowed: false` (absent means on, as in accounts saved by earlier builds).
 */
export async function withPhotoSetting(
  db: Queryable,
  schools: ReadonlyArray<{ id: string; name: string }>,
): Promise<SchoolRef[]> {
  const off = await schoolsWithoutPhotos(
    db,
    schools.map((s) => s.id),
  );
  return schools.map((s) =>
    off.has(s.id) ? { id: s.id, name: s.name, photosAllowed: false } : { id: s.id, name: s.name },
  );
}

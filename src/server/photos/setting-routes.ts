import type { Kysely } from 'kysely';
import { PhotoSetting, type SchoolPhotoSetting } from '../../shared/photos';
import type { Database } from '../db/schema';
import { schoolSettingRoutes } from '../schools/school-setting-routes';
import { photosAllowedIn, setPhotosAllowed } from './repository';

/**
 * A school's "photos allowed" setting (on unless turned off). Its staff read it;
 * its principal or a district admin changes it, as they decide about sharing results.
 * Mounted under `/api/schools`.
 */
export function photoSettingRoutes(db: Kysely<Database>, now: () => Date) {
  return schoolSettingRoutes(db, now, {
    path: 'photos',
    whoMayChange: 'Only the principal or a district admin turns photos on or off',
    update: PhotoSetting,
    read: async (db, schoolId): Promise<SchoolPhotoSetting> => ({
      schoolId,
      photosAllowed: await photosAllowedIn(db, schoolId),
    }),
    write: (trx, schoolId, { photosAllowed }, userId, at) =>
      setPhotosAllowed(trx, schoolId, photosAllowed, userId, at),
    audit: { action: 'photos.setting', details: ({ photosAllowed }) => ({ photosAllowed }) },
    changed: (schoolId, { photosAllowed }): SchoolPhotoSetting => ({ schoolId, photosAllowed }),
  });
}

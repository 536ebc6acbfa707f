import type { SchoolRef } from '../../../shared/accounts';
import { lazyScreen } from '../shell/lazy';

/** The photo strip, loaded only when a note is opened (it never weighs on the first screen). */
export const PhotoStrip = lazyScreen(() => import('./PhotoStrip').then((m) => m.PhotoStrip));

/**
 * Whether a school takes photos. A school turns them off in its settings; until the
 * device has been told a school's setting, photos are on (the server refuses an
 * upload to a school that turned them off, so nothing is kept there regardless).
 */
export function photosAllowedIn(schools: readonly SchoolRef[], schoolId: string): boolean {
  const school: unknown = schools.find((s) => s.id === schoolId);
  return !(
    typeof school === 'object' &&
    school !== null &&
    'photosAllowed' in school &&
    school.photosAllowed === false
  );
}

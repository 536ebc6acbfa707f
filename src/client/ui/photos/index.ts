import type { SchoolRef } from '../../../shared/accounts';
import { lazyScreen } from '../shell/lazy';

/** The photo strip, loaded only when a note is opened (it never weighs on the first screen). */
export const PhotoStrip = lazyScreen(() => import('./PhotoStrip').then((m) => m.PhotoStrip));

/**
 * Whether a school takes photos: off only when the device has been told the school
 * turned them off (the server refuses uploads for such a school regardless).
 */
export function photosAllowedIn(schools: readonly SchoolRef[], schoolId: string): boolean {
  return schools.find((s) => s.id === schoolId)?.photosAllowed !== false;
}

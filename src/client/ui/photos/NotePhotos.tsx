import type { SchoolRef } from '../../../shared/accounts';
import type { PhotoEntity, PhotoOwnerView } from '../../../shared/photo-rules';
import type { PhotoRef } from '../../../shared/photos';
import { lazyScreen } from '../shell/lazy';

/** The photo strip, loaded only when a note is opened (it never weighs on the first screen). */
const PhotoStrip = lazyScreen(() => import('./PhotoStrip').then((m) => m.PhotoStrip));

/**
 * Whether a school takes photos: off only when the device has been told the school
 * turned them off (the server refuses uploads for such a school regardless).
 */
export function photosAllowedIn(schools: readonly SchoolRef[], schoolId: string): boolean {
  return schools.find((s) => s.id === schoolId)?.photosAllowed !== false;
}

/**
 * A note's photos: the strip where the school takes photos; where it has turned them
 * off, only a note that already holds photos shows them, so they can be taken off
 * (one not sent yet keeps the note on the device); otherwise nothing. A note the
 * server refused for its photos counts as photos off even before the device has heard
 * of the setting (it learns of it at a later start).
 */
export function NotePhotos(props: {
  entity: PhotoEntity;
  recordId: string;
  record: PhotoOwnerView & { schoolId: string; photos?: PhotoRef[] | undefined };
  schools: readonly SchoolRef[];
  readOnly: boolean;
  /** The server refused the note because of a photo it names. */
  refusedForPhotos?: boolean;
}) {
  const { schools, record, refusedForPhotos = false, ...strip } = props;
  if (photosAllowedIn(schools, record.schoolId) && !refusedForPhotos) {
    return <PhotoStrip {...strip} record={record} />;
  }
  if ((record.photos ?? []).length === 0) return null;
  return <PhotoStrip {...strip} record={record} photosOff />;
}

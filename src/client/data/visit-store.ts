import { bookVisit, cancelBooking, markCoverage } from '../../shared/visit-rules';
import type { Visit, VisitNote } from '../../shared/visits';
import type { LookforDb } from './db';
import { useLiveQuery } from './live';
import { noteFor, startVisitNote, updateVisitNote } from './visit-notes';
import {
  acceptVisitRefusal,
  getVisit,
  listVisits,
  reflectionsOf,
  saveReflection,
  saveVisit,
  sharedNotesOf,
  updateVisit,
} from './visits';

type Saved = <T>(write: () => Promise<T>) => Promise<T | null>;

/** What the visit screens may do with this device's data (see createStore). */
export function visitStore(
  db: LookforDb,
  now: () => Date,
  saved: Saved,
  user: { id: string; name: string },
) {
  const change = (id: string, edit: (v: Visit) => Visit) =>
    saved(() => updateVisit(db, id, edit, now()).then(() => true as const));
  return {
    post: (visit: Visit) => saved(() => saveVisit(db, visit, now())),
    edit: change,
    book: (id: string, needsCoverage: boolean) =>
      change(id, (v) => bookVisit(v, user, needsCoverage, now())),
    cancelBooking: (id: string) => change(id, (v) => cancelBooking(v, now())),
    cancelVisit: (id: string) =>
      change(id, (v) => ({ ...v, cancelled: true, updatedAt: now().toISOString() })),
    markCoverage: (id: string, arranged: boolean) =>
      change(id, (v) => markCoverage(v, arranged, now())),
    acceptRefusal: (id: string) => saved(() => acceptVisitRefusal(db, id).then(() => true)),
    startNote: (visit: Visit) => saved(() => startVisitNote(db, visit, user.id, now())),
    updateNote: (id: string, edit: (n: VisitNote) => VisitNote) =>
      saved(() => updateVisitNote(db, id, edit, now()).then(() => true as const)),
    reflect: (visitId: string, text: string) =>
      saved(() => saveReflection(db, visitId, user.id, text, now()).then(() => true as const)),

    useVisits: () => useLiveQuery(() => listVisits(db), []),
    useVisit: (id: string) => useLiveQuery(() => getVisit(db, id), [id]),
    useNote: (visitId: string) => useLiveQuery(() => noteFor(db, visitId), [visitId]),
    useSharedNotes: (visitId: string) => useLiveQuery(() => sharedNotesOf(db, visitId), [visitId]),
    useReflections: (visitId: string) => useLiveQuery(() => reflectionsOf(db, visitId), [visitId]),
  };
}

export type VisitStore = ReturnType<typeof visitStore>;

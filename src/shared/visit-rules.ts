import type { ResponseValue } from './response';
import type { ShareChoices, Visit, VisitNote } from './visits';

/** One line of the principal's coverage list: logistics, never anything observed. */
export interface CoverageItem {
  visitId: string;
  schoolId: string;
  hostName: string;
  observerName: string;
  startsAt: string;
  minutes: number;
  place: string;
  arranged: boolean;
}

const endOf = (v: Visit) => Date.parse(v.startsAt) + v.minutes * 60_000;

/** Not yet over at `now` (a visit under way still counts). */
export const isUpcoming = (v: Visit, now: Date) => endOf(v) > now.getTime();

const byStart = (a: Visit, b: Visit) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/**
 * The visits a principal must find a substitute for: booked, not cancelled, not
 * over, asking for coverage; soonest first. Each item is built field by field, so
 * whatever else a record carries can never reach the list.
 */
export function coverageList(
  visits: readonly Visit[],
  schoolIds: readonly string[],
  now: Date,
): CoverageItem[] {
  return visits
    .filter(
      (v) =>
        v.kind === 'peer' &&
        schoolIds.includes(v.schoolId) &&
        !v.cancelled &&
        v.needsCoverage &&
        v.observerId !== null &&
        isUpcoming(v, now),
    )
    .sort(byStart)
    .map((v) => ({
      visitId: v.id,
      schoolId: v.schoolId,
      hostName: v.hostName,
      observerName: v.observerName ?? '',
      startsAt: v.startsAt,
      minutes: v.minutes,
      place: v.place,
      arranged: v.coverageArranged,
    }));
}

/** Open-door offers of a school a colleague may still book, soonest first. */
export function openOffers(visits: readonly Visit[], schoolId: string, now: Date): Visit[] {
  return visits
    .filter(
      (v) =>
        v.kind === 'peer' &&
        v.schoolId === schoolId &&
        !v.cancelled &&
        v.observerId === null &&
        isUpcoming(v, now),
    )
    .sort(byStart);
}

/** The visits someone hosts or observes, soonest first, past ones after. */
export function visitsOf(visits: readonly Visit[], userId: string, now: Date) {
  const mine = visits.filter((v) => v.hostId === userId || v.observerId === userId);
  return {
    upcoming: mine.filter((v) => isUpcoming(v, now)).sort(byStart),
    past: mine.filter((v) => !isUpcoming(v, now)).sort((a, b) => byStart(b, a)),
  };
}

export function bookVisit(
  v: Visit,
  observer: { id: string; name: string },
  needsCoverage: boolean,
  now: Date,
): Visit {
  return {
    ...v,
    observerId: observer.id,
    observerName: observer.name,
    needsCoverage,
    coverageArranged: false,
    updatedAt: now.toISOString(),
  };
}

export function cancelBooking(v: Visit, now: Date): Visit {
  return {
    ...v,
    observerId: null,
    observerName: null,
    needsCoverage: false,
    coverageArranged: false,
    updatedAt: now.toISOString(),
  };
}

export const markCoverage = (v: Visit, arranged: boolean, now: Date): Visit => ({
  ...v,
  coverageArranged: arranged,
  updatedAt: now.toISOString(),
});

/** Peer notes share nothing until the observer ticks a box; a coach's notes start shared. */
export function defaultShare(kind: Visit['kind']): ShareChoices {
  const all = kind === 'coaching';
  return {
    responses: all,
    notes: all,
    teacherDoing: all,
    studentsDoing: all,
    wonderings: all,
    glow: all,
    wonder: all,
  };
}

/** Sets or clears one look-for answer on a visit note. */
export function setNoteResponse(
  note: VisitNote,
  lookForId: string,
  response: ResponseValue | null,
): VisitNote {
  const responses = { ...note.responses };
  if (response === null) delete responses[lookForId];
  else responses[lookForId] = response;
  return { ...note, responses };
}

export const finishNote = (note: VisitNote, now: Date): VisitNote => ({
  ...note,
  status: 'complete',
  endedAt: note.endedAt ?? now.toISOString(),
});

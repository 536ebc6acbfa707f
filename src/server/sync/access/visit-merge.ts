import type { Visit } from '../../../shared/visits';

/** What the writer of a visit is to it; one person may be several (a principal hosting). */
export interface VisitRoles {
  userId: string;
  host: boolean;
  /** On the staff of the visit's school. */
  colleague: boolean;
  principal: boolean;
}

export type MergeResult = { ok: true; visit: Visit } | { ok: false; path: string; message: string };

/** The fields of an offer its host owns. */
const hostFields = [
  'hostName',
  'startsAt',
  'minutes',
  'place',
  'focus',
  'protocolId',
  'protocolVersion',
  'cancelled',
] as const;

function booking(stored: Visit, incoming: Visit, who: VisitRoles): MergeResult | Partial<Visit> {
  if (stored.kind !== 'peer' || !who.colleague || who.host) return {};
  const mine = stored.observerId === who.userId;
  const wantsMine = incoming.observerId === who.userId;
  if (stored.observerId === null && wantsMine) {
    if (stored.cancelled)
      return { ok: false, path: 'observerId', message: 'This visit was cancelled by its host' };
    return {
      observerId: who.userId,
      observerName: incoming.observerName,
      needsCoverage: incoming.needsCoverage,
      coverageArranged: false,
    };
  }
  if (stored.observerId !== null && !mine && wantsMine) {
    return {
      ok: false,
      path: 'observerId',
      message: `${stored.observerName ?? 'A colleague'} booked this visit first; choose another time`,
    };
  }
  if (mine && incoming.observerId === null) {
    return { observerId: null, observerName: null, needsCoverage: false, coverageArranged: false };
  }
  if (mine) {
    const needsCoverage = incoming.needsCoverage;
    return {
      needsCoverage,
      coverageArranged: needsCoverage ? stored.coverageArranged : false,
    };
  }
  return {};
}

/**
 * Several people write one visit, each only their own part; a field the writer may
 * not change keeps its stored value. The host edits the offer, a colleague books or
 * cancels their own booking (with the coverage flag), the principal marks cover
 * arranged. Nobody moves a visit to another school, host or kind.
 */
export function mergeVisit(stored: Visit, incoming: Visit, who: VisitRoles): MergeResult {
  const next: Visit = { ...stored, updatedAt: incoming.updatedAt };
  if (who.host) for (const field of hostFields) Object.assign(next, { [field]: incoming[field] });
  const booked = booking(stored, incoming, who);
  if ('ok' in booked) return booked;
  Object.assign(next, booked);
  if (who.principal && stored.kind === 'peer') {
    next.coverageArranged =
      next.needsCoverage && next.observerId !== null && incoming.coverageArranged;
  }
  return { ok: true, visit: next };
}

import { Visit } from '../../../shared/visits';
import type { Placement } from './placement';
import type { PushReads } from './policy';

/** A stored, not deleted, readable visit. */
export async function findVisit(reads: PushReads, id: string): Promise<Visit | null> {
  const stored = await reads.record('visit', id);
  if (!stored || stored.deleted) return null;
  const parsed = Visit.safeParse(stored.data);
  return parsed.success ? parsed.data : null;
}

/**
 * A peer offer is logistics the whole school may read (who, when, where, the focus);
 * a coaching invitation only its teacher and coach.
 */
export const placeVisit = (v: Visit): Placement => ({
  ownerId: v.hostId,
  schoolId: v.schoolId,
  audience: v.kind === 'peer' ? 'school' : 'owner',
  readerId: v.observerId,
});

/** The other party of a visit: the observer for its host, the host for its observer. */
export function otherParty(v: Visit, userId: string): string | null {
  if (v.hostId === userId) return v.observerId;
  if (v.observerId === userId) return v.hostId;
  return null;
}

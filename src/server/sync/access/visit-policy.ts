import type { FieldIssue } from '../../../shared/errors';
import { Visit } from '../../../shared/visits';
import { isMember, roleOf, type Actor } from './actor';
import { denied } from './placement';
import type { EntityPolicy, PushReads, WriteDecision } from './policy';
import { mergeVisit } from './visit-merge';
import { placeVisit } from './visit-lookup';

const notYours = () => denied('id', 'This visit is not yours to change');

/** A new offer or invitation: always the sender's own room, nobody booked or covered yet. */
async function createProblems(reads: PushReads, actor: Actor, v: Visit): Promise<FieldIssue[]> {
  const problems: FieldIssue[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (v.hostId !== actor.userId) add('hostId', 'You can only open your own room');
  if (!isMember(actor, v.schoolId)) add('schoolId', 'You are not on the staff of this school');
  if (v.coverageArranged) add('coverageArranged', 'Only the principal arranges coverage');
  if (v.needsCoverage) add('needsCoverage', 'Coverage is asked for when a colleague books');
  if (v.kind === 'peer') {
    if (v.observerId !== null || v.observerName !== null) {
      add('observerId', 'A new offer is open: colleagues book it themselves');
    }
  } else if (v.observerId === null || v.observerId === actor.userId || v.observerName === null) {
    add('observerId', 'Name the coach you invite');
  } else if ((await reads.roleInSchool(v.schoolId, v.observerId)) !== 'coach') {
    add('observerId', 'Invite a coach of this school');
  }
  return problems;
}

/** Whether the actor has any part in a stored visit; others learn nothing about it. */
function takesPart(stored: Visit, actor: Actor): boolean {
  if (stored.hostId === actor.userId || stored.observerId === actor.userId) return true;
  return stored.kind === 'peer' && isMember(actor, stored.schoolId);
}

/**
 * Visits: a staff member posts a peer offer for their own room, or a teacher invites
 * a coach of their school. Every later write is merged by role (see mergeVisit), so
 * a booking made on a stale copy is not a conflict; a second booking is refused.
 */
export const visitPolicy: EntityPolicy<Visit> = {
  async decide({ reads, actor, op, current, data }): Promise<WriteDecision<Visit>> {
    const parsed = current && !current.deleted ? Visit.safeParse(current.data) : null;
    if (parsed && !parsed.success) return denied('id', 'The stored visit cannot be read');
    const stored = parsed?.data ?? null;
    if (op === 'delete') {
      if (!current || !stored || stored.hostId !== actor.userId) return notYours();
      return { ok: true, data, placement: placeVisit(stored) };
    }
    const incoming = data;
    if (!stored) {
      if (current && current.ownerId !== actor.userId) return notYours();
      const problems = await createProblems(reads, actor, incoming);
      if (problems.length > 0) return { ok: false, errors: problems };
      return { ok: true, data: incoming, placement: placeVisit(incoming) };
    }
    if (!takesPart(stored, actor)) return notYours();
    const merged = mergeVisit(stored, incoming, {
      userId: actor.userId,
      host: stored.hostId === actor.userId,
      colleague: isMember(actor, stored.schoolId),
      principal: roleOf(actor, stored.schoolId) === 'principal',
    });
    if (!merged.ok) return denied(merged.path, merged.message);
    return { ok: true, data: merged.visit, placement: placeVisit(merged.visit), merged: true };
  },
};

import { SharedNote, VisitNote, sharedPartsOf, type ShareablePart } from '../../../shared/visits';
import type { Actor } from './actor';
import { denied, ownerOnly } from './placement';
import type { AppliedWrite, EntityPolicy, PushReads, PushWrites, WriteDecision } from './policy';
import { findVisit } from './visit-lookup';

const notYours = () => denied('id', 'This note belongs to someone else');

async function decideNote(
  reads: PushReads,
  actor: Actor,
  note: VisitNote,
  existing: boolean,
): Promise<WriteDecision> {
  if (note.observerId !== actor.userId) {
    return denied('observerId', 'A visit note can only be written under your own account');
  }
  const visit = await findVisit(reads, note.visitId);
  if (!visit) return denied('visitId', 'No such visit');
  if (visit.schoolId !== note.schoolId) return denied('schoolId', "Not the visit's school");
  // A note already begun stays its author's even if they cancel the booking later.
  if (!existing && visit.observerId !== actor.userId) {
    return denied('visitId', 'Only the observer of this visit writes notes on it');
  }
  return { ok: true, data: note, placement: ownerOnly(actor.userId, note.schoolId) };
}

/** The shared note as stored, without its timestamp, to see whether anything changed. */
function sameShared(stored: unknown, next: SharedNote): boolean {
  const parsed = SharedNote.safeParse(stored);
  if (!parsed.success) return false;
  const strip = ({ sharedAt: _at, ...rest }: SharedNote) => JSON.stringify(rest);
  return strip(parsed.data) === strip(next);
}

const sharesAnything = (shared: SharedNote) =>
  (
    ['responses', 'notes', 'teacherDoing', 'studentsDoing', 'wonderings', 'glow', 'wonder'] as const
  ).some((part: ShareablePart) => shared[part] !== undefined) || shared.photos !== undefined; // photos:

/**
 * What the host reads: exactly the parts the observer shared of a finished note,
 * in a `shared-note` the server writes (same id as the note). Unsharing removes a
 * part; sharing nothing, deleting the note or reopening it removes the whole record.
 */
async function deriveShared(tx: PushWrites, write: AppliedWrite): Promise<void> {
  const existing = await tx.recordForUpdate('shared-note', write.entityId);
  const note = write.deleted ? null : VisitNote.safeParse(write.data);
  const visit = note?.success ? await findVisit(tx, note.data.visitId) : null;
  const shared =
    note?.success && visit && note.data.status === 'complete'
      ? sharedPartsOf(note.data, visit.hostId, write.stamp)
      : null;
  const placement = {
    ownerId: write.placement.ownerId,
    schoolId: write.placement.schoolId,
    audience: 'owner' as const,
    readerId: shared?.hostId ?? null,
  };
  if (!shared || !sharesAnything(shared)) {
    if (existing && !existing.deleted) {
      // The tombstone keeps its reader, so the host's device learns the note is gone.
      await tx.writeDerived('shared-note', write.entityId, null, write.stamp, {
        ...placement,
        readerId: existing.readerId,
      });
    }
    return;
  }
  if (existing && !existing.deleted && sameShared(existing.data, shared)) return;
  await tx.writeDerived('shared-note', write.entityId, shared, write.stamp, placement);
}

/**
 * A visit note is written only by the visit's observer, under their own id, in the
 * visit's school, and read only by them. The host reads the derived shared note.
 */
export const visitNotePolicy: EntityPolicy = {
  async decide({ reads, actor, mutation, current, data }) {
    if (current && current.ownerId !== actor.userId) return notYours();
    if (mutation.op === 'delete') {
      if (!current) return notYours();
      return { ok: true, data, placement: ownerOnly(actor.userId, current.schoolId) };
    }
    return decideNote(reads, actor, data as VisitNote, current !== null && !current.deleted);
  },
  derive: deriveShared,
};

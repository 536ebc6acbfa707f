import { defaultShare } from '../../shared/visit-rules';
import { VisitNote, type Visit } from '../../shared/visits';
import type { LookforDb } from './db';
import { recordStore } from './record-store';

/** Visit notes on this device: read, saved and edited the way every record is. */
export const visitNoteRecords = recordStore('visit-note', VisitNote, {
  keyOf: (n) => n.id,
  missing: 'This note is not on this device',
});

/** The observer's own note on a visit, if this device holds one. */
export async function noteFor(db: LookforDb, visitId: string): Promise<VisitNote | null> {
  const notes = await visitNoteRecords.list(db);
  return notes.find((n) => n.visitId === visitId) ?? null;
}

/** Opens the note for a visit: the one already begun, or a new draft (one per visit). */
export async function startVisitNote(
  db: LookforDb,
  visit: Visit,
  observerId: string,
  now: Date,
): Promise<VisitNote> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const existing = await noteFor(db, visit.id);
    if (existing) return existing;
    return visitNoteRecords.put(
      db,
      {
        id: crypto.randomUUID(),
        visitId: visit.id,
        schoolId: visit.schoolId,
        observerId,
        protocolId: visit.protocolId,
        protocolVersion: visit.protocolVersion,
        responses: {},
        notes: '',
        teacherDoing: '',
        studentsDoing: '',
        wonderings: '',
        glow: '',
        wonder: '',
        reflection: '',
        share: defaultShare(visit.kind),
        status: 'draft',
        startedAt: now.toISOString(),
        endedAt: null,
      },
      { now },
    );
  });
}

/** Saves one edit (a tap, a keystroke, a share choice) onto the stored copy. */
export async function updateVisitNote(
  db: LookforDb,
  id: string,
  change: (current: VisitNote) => VisitNote,
  now: Date,
): Promise<void> {
  await visitNoteRecords.update(db, id, change, now);
}

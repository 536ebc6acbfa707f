import { defaultShare } from '../../shared/visit-rules';
import { VisitNote, type Visit } from '../../shared/visits';
import type { LookforDb } from './db';
import { writeRecord } from './write-record';

/** The observer's own note on a visit, if this device holds one. */
export async function noteFor(db: LookforDb, visitId: string): Promise<VisitNote | null> {
  const rows = await db.records.where('entity').equals('visit-note').toArray();
  for (const row of rows) {
    if (row.deleted === 1) continue;
    const parsed = VisitNote.safeParse(row.data);
    if (parsed.success && parsed.data.visitId === visitId) return parsed.data;
  }
  return null;
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
    const note = VisitNote.parse({
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
    });
    await writeRecord(db, 'visit-note', note.id, note, { now });
    return note;
  });
}

/** Saves one edit (a tap, a keystroke, a share choice) onto the stored copy. */
export async function updateVisitNote(
  db: LookforDb,
  id: string,
  change: (current: VisitNote) => VisitNote,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const record = await db.records.get(['visit-note', id]);
    if (!record) throw new Error('This note is not on this device');
    const next = VisitNote.parse(change(VisitNote.parse(record.data)));
    await writeRecord(db, 'visit-note', id, next, { now, existing: record });
  });
}

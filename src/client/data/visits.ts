import type { FieldIssue } from '../../shared/errors';
import { Reflection, SharedNote, Visit } from '../../shared/visits';
import type { LookforDb } from './db';
import { setMeta } from './meta';
import { recordStore } from './record-store';

export interface VisitView {
  visit: Visit;
  /** Changes the server has not acknowledged yet. */
  waiting: boolean;
  /** Why the server refused the last change (a second booking, for example). */
  rejections: FieldIssue[];
}

/** Visits, shared notes and reflections on this device, read and written the way every record is. */
export const visitRecords = recordStore('visit', Visit, {
  keyOf: (v) => v.id,
  missing: 'This visit is not on this device',
});
// The server writes a shared note under its note's id; this device only reads them.
const sharedNoteRecords = recordStore('shared-note', SharedNote, {
  keyOf: (n) => n.noteId,
  missing: 'This shared note is not on this device',
});
const reflectionRecords = recordStore('reflection', Reflection, {
  keyOf: (r) => r.id,
  missing: 'This reflection is not on this device',
});

export const listVisits = (db: LookforDb) => visitRecords.list(db);

export async function getVisit(db: LookforDb, id: string): Promise<VisitView | null> {
  const visit = await visitRecords.get(db, id);
  return visit && { visit, ...(await visitRecords.syncFacts(db, id)) };
}

export async function saveVisit(db: LookforDb, visit: Visit, now: Date): Promise<Visit> {
  return visitRecords.put(db, visit, { now });
}

/** Applies a change to the stored copy inside one transaction (a tap never overwrites another). */
export async function updateVisit(
  db: LookforDb,
  id: string,
  change: (current: Visit) => Visit,
  now: Date,
): Promise<void> {
  await visitRecords.update(db, id, change, now);
}

/**
 * Accepts the server's refusal of a visit change (someone booked first): the
 * refused change goes, and the next sync reloads every record from the start, so
 * this device shows the server's copy again. Nothing else waiting is touched.
 */
export async function acceptVisitRefusal(db: LookforDb, id: string): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    const rows = await db.outbox.where('[entity+entityId]').equals(['visit', id]).toArray();
    for (const row of rows) if (row.state === 'rejected') await db.outbox.delete(row.seq!);
    await db.records.update(['visit', id], { rev: 0 });
    await setMeta(db, 'cursor', 0);
  });
}

export async function sharedNotesOf(db: LookforDb, visitId: string): Promise<SharedNote[]> {
  return (await sharedNoteRecords.list(db)).filter((n) => n.visitId === visitId);
}

export async function reflectionsOf(db: LookforDb, visitId: string): Promise<Reflection[]> {
  return (await reflectionRecords.list(db)).filter((r) => r.visitId === visitId);
}

/** One reflection per person per visit: edits go to the one already on this device. */
export async function saveReflection(
  db: LookforDb,
  visitId: string,
  authorId: string,
  text: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const mine = (await reflectionsOf(db, visitId)).find((r) => r.authorId === authorId);
    const next = {
      id: mine?.id ?? crypto.randomUUID(),
      visitId,
      authorId,
      text,
      updatedAt: now.toISOString(),
    };
    await reflectionRecords.put(db, next, { now });
  });
}

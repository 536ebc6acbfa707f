import type { FieldIssue } from '../../shared/errors';
import { Reflection, SharedNote, Visit } from '../../shared/visits';
import type { LookforDb } from './db';
import { setMeta } from './meta';
import { writeRecord } from './write-record';

export interface VisitView {
  visit: Visit;
  /** Changes the server has not acknowledged yet. */
  waiting: boolean;
  /** Why the server refused the last change (a second booking, for example). */
  rejections: FieldIssue[];
}

async function liveRecords<T>(
  db: LookforDb,
  entity: 'visit' | 'shared-note' | 'reflection',
  schema: { safeParse: (d: unknown) => { success: true; data: T } | { success: false } },
): Promise<T[]> {
  const rows = await db.records.where('entity').equals(entity).toArray();
  return rows.flatMap((r) => {
    if (r.deleted === 1) return [];
    const parsed = schema.safeParse(r.data);
    return parsed.success ? [parsed.data] : [];
  });
}

export const listVisits = (db: LookforDb) => liveRecords(db, 'visit', Visit);

export async function getVisit(db: LookforDb, id: string): Promise<VisitView | null> {
  const record = await db.records.get(['visit', id]);
  if (!record || record.deleted === 1) return null;
  const parsed = Visit.safeParse(record.data);
  if (!parsed.success) return null;
  const rows = await db.outbox.where('[entity+entityId]').equals(['visit', id]).toArray();
  return {
    visit: parsed.data,
    waiting: rows.some((r) => r.state !== 'rejected'),
    rejections: rows.flatMap((r) => (r.state === 'rejected' ? (r.errors ?? []) : [])),
  };
}

export async function saveVisit(db: LookforDb, visit: Visit, now: Date): Promise<Visit> {
  const valid = Visit.parse(visit);
  await writeRecord(db, 'visit', valid.id, valid, { now });
  return valid;
}

/** Applies a change to the stored copy inside one transaction (a tap never overwrites another). */
export async function updateVisit(
  db: LookforDb,
  id: string,
  change: (current: Visit) => Visit,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const record = await db.records.get(['visit', id]);
    if (!record) throw new Error('This visit is not on this device');
    const next = Visit.parse(change(Visit.parse(record.data)));
    await writeRecord(db, 'visit', id, next, { now, existing: record });
  });
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
  return (await liveRecords(db, 'shared-note', SharedNote)).filter((n) => n.visitId === visitId);
}

export async function reflectionsOf(db: LookforDb, visitId: string): Promise<Reflection[]> {
  return (await liveRecords(db, 'reflection', Reflection)).filter((r) => r.visitId === visitId);
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
    const next = Reflection.parse({
      id: mine?.id ?? crypto.randomUUID(),
      visitId,
      authorId,
      text,
      updatedAt: now.toISOString(),
    });
    await writeRecord(db, 'reflection', next.id, next, { now });
  });
}

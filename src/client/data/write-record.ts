import type { Entity } from '../../shared/entity-names';
import type { LocalRecord, LookforDb, OutboxRow } from './db';

export interface WriteOptions {
  now: Date;
  /** Conflict siblings this write settles. */
  resolves?: string[];
  /** The stored record, when the caller has just read it in the same transaction. */
  existing?: LocalRecord | undefined;
}

/**
 * The one way a user edit reaches storage: the record and its outbox row are
 * written in a single transaction, so neither can exist without the other.
 *
 * Edits coalesce into a row that has never been sent (twelve taps offline become
 * one mutation). A row that was sent is frozen, since the server may hold it
 * already; the next edit gets a new row.
 */
export async function writeRecord(
  db: LookforDb,
  entity: Entity,
  id: string,
  data: unknown,
  options: WriteOptions,
): Promise<void> {
  await writeChange(db, entity, id, 'put', data, options);
}

/**
 * Deletes a record the way an edit is written: the stored copy becomes a tombstone
 * (`deleted: 1`, no data) and its outbox row, in the same transaction, carries a
 * `delete`. A pending row for the record is turned into the delete, so a note
 * started and deleted offline sends one mutation; a sent row stays frozen.
 */
export async function deleteRecord(
  db: LookforDb,
  entity: Entity,
  id: string,
  options: WriteOptions,
): Promise<void> {
  await writeChange(db, entity, id, 'delete', null, options);
}

async function writeChange(
  db: LookforDb,
  entity: Entity,
  id: string,
  op: OutboxRow['op'],
  data: unknown,
  options: WriteOptions,
): Promise<void> {
  const deviceTime = options.now.toISOString();
  const deleted = op === 'delete' ? 1 : 0;
  await db.transaction('rw', db.records, db.outbox, async () => {
    const existing = 'existing' in options ? options.existing : await db.records.get([entity, id]);
    const baseRev = existing?.rev ?? null;
    await db.records.put({ entity, id, data, rev: baseRev, deleted, updatedAt: deviceTime });

    const unsent = await db.outbox
      .where('[entity+entityId]')
      .equals([entity, id])
      .filter((row) => row.state === 'pending')
      .first();
    if (unsent?.seq !== undefined) {
      const update: Partial<OutboxRow> = { data, deviceTime, op };
      if (options.resolves) {
        update.resolves = options.resolves;
        update.baseRev = baseRev;
      }
      await db.outbox.update(unsent.seq, update);
      return;
    }
    await db.outbox.add({
      mutationId: crypto.randomUUID(),
      entity,
      entityId: id,
      op,
      baseRev,
      data,
      deviceTime,
      ...(options.resolves ? { resolves: options.resolves } : {}),
      state: 'pending',
      attempts: 0,
    });
  });
}

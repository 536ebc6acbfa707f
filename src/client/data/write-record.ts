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
  const deviceTime = options.now.toISOString();
  await db.transaction('rw', db.records, db.outbox, async () => {
    const existing = 'existing' in options ? options.existing : await db.records.get([entity, id]);
    const baseRev = existing?.rev ?? null;
    await db.records.put({ entity, id, data, rev: baseRev, deleted: 0, updatedAt: deviceTime });

    const unsent = await db.outbox
      .where('[entity+entityId]')
      .equals([entity, id])
      .filter((row) => row.state === 'pending')
      .first();
    if (unsent?.seq !== undefined) {
      const update: Partial<OutboxRow> = { data, deviceTime, op: 'put' };
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
      op: 'put',
      baseRev,
      data,
      deviceTime,
      ...(options.resolves ? { resolves: options.resolves } : {}),
      state: 'pending',
      attempts: 0,
    });
  });
}

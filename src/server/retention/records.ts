import { chunks } from '../db/chunks';
import type { Queryable } from '../db/queryable';
import { replacePhotoRefs } from '../photos/repository';
import { takeServerSeqs } from '../sync/repository';

/** A stored, live record picked for deletion. */
export interface DueRecord {
  entity: string;
  entityId: string;
  rev: number;
}

/** Live records of these entities last written before `cutoff`. */
export async function recordsWrittenBefore(
  db: Queryable,
  entities: readonly string[],
  cutoff: string,
): Promise<DueRecord[]> {
  const rows = await db
    .selectFrom('records')
    .select(['entity', 'entity_id', 'rev'])
    .where('entity', 'in', [...entities])
    .where('deleted', '=', 0)
    .where('updated_at', '<', cutoff)
    .orderBy('entity')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({ entity: r.entity, entityId: r.entity_id, rev: Number(r.rev) }));
}

/** Live records of these entities that belong to one person, with their data. */
export async function recordsOwnedBy(
  db: Queryable,
  ownerId: string,
  entities: readonly string[],
): Promise<Array<DueRecord & { data: unknown }>> {
  const rows = await db
    .selectFrom('records')
    .select(['entity', 'entity_id', 'rev', 'data'])
    .where('owner_id', '=', ownerId)
    .where('entity', 'in', [...entities])
    .where('deleted', '=', 0)
    .orderBy('entity')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({
    entity: r.entity,
    entityId: r.entity_id,
    rev: Number(r.rev),
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
  }));
}

/**
 * Deletes records the way a device's delete does (docs/sync.md): each becomes a
 * tombstone with the next revision and a new server sequence number, so every device
 * that holds it pulls the tombstone and drops its copy. The content goes with it:
 * conflict siblings lose their data, kept raw mutations their payload, and the
 * records' photo references end (the photo clean-up then deletes unnamed photos).
 */
export async function tombstoneRecords(
  db: Queryable,
  records: readonly DueRecord[],
  at: string,
): Promise<void> {
  if (records.length === 0) return;
  let seq = await takeServerSeqs(db, records.length);
  for (const r of records) {
    await db
      .updateTable('records')
      .set({
        rev: r.rev + 1,
        deleted: 1,
        data: null,
        server_seq: seq++,
        updated_at: at,
        updated_by: 'server',
      })
      .where('entity', '=', r.entity)
      .where('entity_id', '=', r.entityId)
      // Two server processes running the job at once: the second finds it deleted already.
      .where('deleted', '=', 0)
      .execute();
  }
  const byEntity = new Map<string, string[]>();
  for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.entityId]);
  for (const [entity, ids] of byEntity) {
    for (const part of chunks(ids, 500)) {
      await db
        .updateTable('conflicts')
        .set({ data: null, deleted: 1, resolved_at: at })
        .where('entity', '=', entity)
        .where('entity_id', 'in', part)
        .execute();
      await db
        .updateTable('mutations')
        .set({ payload: null })
        .where('entity', '=', entity)
        .where('entity_id', 'in', part)
        .execute();
    }
  }
  await replacePhotoRefs(
    db,
    records.map((r) => ({ entity: r.entity, entityId: r.entityId, hashes: [] })),
    at,
  );
}

/** Every live record of these entities, with its data (for rules that read the data). */
export async function liveRecordsOf(
  db: Queryable,
  entities: readonly string[],
): Promise<Array<DueRecord & { data: unknown }>> {
  const rows = await db
    .selectFrom('records')
    .select(['entity', 'entity_id', 'rev', 'data'])
    .where('entity', 'in', [...entities])
    .where('deleted', '=', 0)
    .orderBy('entity')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({
    entity: r.entity,
    entityId: r.entity_id,
    rev: Number(r.rev),
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
  }));
}

/**
 * Writes new data for records as the server (placement unchanged), each with the next
 * revision and a new server sequence number, so every device that holds one pulls it.
 */
export async function rewriteRecords(
  db: Queryable,
  records: ReadonlyArray<DueRecord & { data: unknown }>,
  at: string,
): Promise<void> {
  if (records.length === 0) return;
  let seq = await takeServerSeqs(db, records.length);
  for (const r of records) {
    await db
      .updateTable('records')
      .set({
        rev: r.rev + 1,
        data: JSON.stringify(r.data),
        server_seq: seq++,
        updated_at: at,
        updated_by: 'server',
      })
      .where('entity', '=', r.entity)
      .where('entity_id', '=', r.entityId)
      .where('rev', '=', r.rev)
      .execute();
  }
}

/**
 * An observation's dashboard facts stay (anonymous counts per school, day and
 * look-for), but the words it carried go: its notes and its student-voice quotes.
 */
export async function eraseObservationText(
  db: Queryable,
  observationIds: readonly string[],
): Promise<void> {
  for (const part of chunks(observationIds, 500)) {
    await db
      .updateTable('observation_visits')
      .set({ notes: '' })
      .where('observation_id', 'in', part)
      .execute();
    await db
      .updateTable('observation_facts')
      .set({ quote: null })
      .where('observation_id', 'in', part)
      .execute();
  }
}

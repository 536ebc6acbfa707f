import type { Entity } from '../../shared/entity-names';
import type { LookforDb, OutboxRow } from './db';

/** One record's key in the maps the data layer keeps while it settles a batch or a page. */
export const recordKeyOf = (entity: string, id: string) => `${entity}:${id}`;

/**
 * The outbox positions (`seq`) of every row of the given records, read inside the
 * caller's transaction: one key-only request per record, all issued at once (the
 * requests of one transaction are pipelined), and no row read. Measured in Chromium
 * with 10,000 notes waiting, this took 29 ms for a batch of 500 where one walk over
 * the whole index took 80 ms; on fake-indexeddb, `anyOf` took about 3 ms a key.
 */
export async function outboxSeqsOf(
  db: LookforDb,
  records: ReadonlyArray<readonly [Entity, string]>,
): Promise<Map<string, number[]>> {
  const unique = new Map(records.map(([entity, id]) => [recordKeyOf(entity, id), [entity, id]]));
  const found = await Promise.all(
    [...unique].map(async ([k, key]) => {
      const seqs = await db.outbox.where('[entity+entityId]').equals(key).primaryKeys();
      return [k, seqs as number[]] as const;
    }),
  );
  return new Map(found.filter(([, seqs]) => seqs.length > 0));
}

/** Records among these with at least one outbox row, as `entity:id` keys. */
export async function heldRecords(
  db: LookforDb,
  records: ReadonlyArray<readonly [Entity, string]>,
): Promise<Set<string>> {
  return new Set((await outboxSeqsOf(db, records)).keys());
}

/**
 * Every outbox row of the given records. `known` rows (a batch just pushed) are
 * taken as they are when still stored, and only the others are read.
 */
export async function outboxRowsOf(
  db: LookforDb,
  records: ReadonlyArray<readonly [Entity, string]>,
  known: readonly OutboxRow[] = [],
): Promise<OutboxRow[]> {
  const seqs = [...(await outboxSeqsOf(db, records)).values()].flat();
  const bySeq = new Map(known.map((row) => [row.seq, row]));
  const present = seqs.flatMap((seq) => {
    const row = bySeq.get(seq);
    return row ? [row] : [];
  });
  const others = seqs.filter((seq) => !bySeq.has(seq));
  const read = await db.outbox.bulkGet(others);
  return [...present, ...read.flatMap((row) => (row ? [row] : []))];
}

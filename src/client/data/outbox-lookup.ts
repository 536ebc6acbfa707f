import type { Entity } from '../../shared/entity-names';
import type { LookforDb, OutboxRow } from './db';

const keyOf = (entity: string, id: string) => `${entity}:${id}`;

/**
 * The outbox positions (`seq`) of every row of the given records, read inside the
 * caller's transaction with one walk over the `[entity+entityId]` index's keys: no
 * row is read. One request per record (or `anyOf`) costs a round trip per record,
 * which a 500-row push settles 500 times over while the outbox is long.
 */
export async function outboxSeqsOf(
  db: LookforDb,
  records: ReadonlyArray<readonly [Entity, string]>,
): Promise<Map<string, number[]>> {
  const wanted = new Set(records.map(([entity, id]) => keyOf(entity, id)));
  const seqs = new Map<string, number[]>();
  if (wanted.size === 0) return seqs;
  await db.outbox.orderBy('[entity+entityId]').eachKey((key, cursor) => {
    const [entity, id] = key as [string, string];
    const k = keyOf(entity, id);
    if (!wanted.has(k)) return;
    const list = seqs.get(k) ?? [];
    list.push(cursor.primaryKey as number);
    seqs.set(k, list);
  });
  return seqs;
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

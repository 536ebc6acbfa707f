import type { Entity } from '../../shared/entity-names';
import type { LookforDb, OutboxRow } from './db';

/**
 * Every outbox row of the given records, read inside the caller's transaction.
 * One `equals` request per record, all issued at once: measured on fake-indexeddb
 * with 3,000 rows, `anyOf` over the compound index took about 3 ms a key (its
 * cursor steps one request at a time), these about 0.1 ms. Browsers answer both
 * quickly; the requests of one transaction are pipelined.
 */
export async function outboxRowsOf(
  db: LookforDb,
  records: ReadonlyArray<readonly [Entity, string]>,
): Promise<OutboxRow[]> {
  const unique = new Map(records.map(([entity, id]) => [`${entity}:${id}`, [entity, id]]));
  const lists = await Promise.all(
    [...unique.values()].map((key) => db.outbox.where('[entity+entityId]').equals(key).toArray()),
  );
  return lists.flat();
}

import { recordAudits } from '../../audit/repository';
import {
  insertConflicts,
  insertMutations,
  resolveConflict,
  takeServerSeqs,
  writeRecords,
  type MutationRow,
} from '../repository';
import type { Queryable } from '../../db/queryable';
import type { PushBatch } from './batch';

/**
 * Writes a decided batch in a few multi-row statements. What needs no sequence
 * number goes first (the write hooks' rows: facts, day totals; audit entries); then the batch takes all its
 * numbers in one statement and writes the rows that carry them. On PostgreSQL the
 * counter row is locked from that statement to commit, so other pushes wait only for
 * these last writes, and numbers still follow commit order. Returns the first number.
 */
export async function flushBatch(
  db: Queryable,
  batch: PushBatch,
  mutationRows: (base: number) => MutationRow[],
): Promise<number> {
  const { writes, store } = batch;
  await batch.hooks.flush(db);
  await recordAudits(db, writes.audits);

  const base = batch.ticketCount > 0 ? await takeServerSeqs(db, batch.ticketCount) : 0;
  for (const r of writes.resolves) await resolveConflict(db, r.id, r.resolvedAt, base + r.ticket.n);
  for (const listen of batch.recordsWritten) await listen(db, writes.records.values());
  await insertConflicts(
    db,
    writes.conflicts.map(({ ticket, ...c }) => ({ ...c, serverSeq: base + ticket.n })),
  );
  await writeRecords(
    db,
    [...writes.records.values()].map(({ record, updatedAt, updatedBy, ticket, json }) => ({
      exists: store.existed(record.entity, record.entityId),
      write: { ...record, serverSeq: base + ticket.n, updatedAt, updatedBy },
      ...(json !== undefined ? { json } : {}),
    })),
  );
  await insertMutations(db, mutationRows(base));
  return base;
}

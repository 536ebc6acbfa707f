import type { Mutation, OriginalResult, PushResult } from '../../shared/sync';
import type { LookforDb, OutboxRow } from './db';

export interface Batch {
  rows: OutboxRow[];
  mutations: Mutation[];
}

/**
 * Takes the next rows to push, oldest first, at most one per record: a later row
 * for the same record must wait until the earlier one is answered, so that its
 * baseRev can be moved onto the revision the server gave the earlier one.
 * Taken rows are marked `sent` before the request leaves, freezing them.
 */
export async function takeBatch(db: LookforDb, clientId: string, max: number): Promise<Batch> {
  return db.transaction('rw', db.outbox, async () => {
    const seen = new Set<string>();
    const rows: OutboxRow[] = [];
    await db.outbox
      .orderBy('seq')
      .until(() => rows.length >= max)
      .each((row) => {
        const key = `${row.entity}:${row.entityId}`;
        if (row.state === 'rejected' || seen.has(key)) return;
        seen.add(key);
        rows.push(row);
      });
    for (const row of rows) {
      if (row.seq === undefined) continue;
      await db.outbox.update(row.seq, { state: 'sent', attempts: row.attempts + 1 });
    }
    const mutations = rows.map((row): Mutation => ({
      mutationId: row.mutationId,
      clientId,
      clientSeq: row.seq ?? 0,
      entity: row.entity,
      entityId: row.entityId,
      op: row.op,
      baseRev: row.baseRev,
      data: row.data,
      deviceTime: row.deviceTime,
      ...(row.resolves ? { resolves: row.resolves } : {}),
    }));
    return { rows: rows.map((r) => ({ ...r, state: 'sent' as const })), mutations };
  });
}

const original = (result: PushResult): OriginalResult =>
  result.status === 'duplicate' ? result.original : result;

/**
 * Applies the server's answers in one transaction. An outbox row is deleted only
 * here, once the server has acknowledged it; a rejected row stays with its reason.
 */
export async function applyPushResults(
  db: LookforDb,
  rows: OutboxRow[],
  results: PushResult[],
): Promise<void> {
  if (rows.length !== results.length) {
    throw new Error(`The server answered ${results.length} of ${rows.length} changes`);
  }
  await db.transaction('rw', db.records, db.outbox, db.conflicts, async () => {
    for (const [i, row] of rows.entries()) {
      const result = original(results[i]!);
      if (row.seq === undefined || result.mutationId !== row.mutationId) {
        throw new Error('The server answered out of order');
      }
      const later = await db.outbox
        .where('[entity+entityId]')
        .equals([row.entity, row.entityId])
        .filter((r) => r.seq !== row.seq)
        .toArray();
      const waiting = later.filter((r) => r.state !== 'rejected');

      if (result.status === 'rejected') {
        await db.outbox.update(row.seq, { state: 'rejected', errors: result.errors });
        continue;
      }
      await db.outbox.delete(row.seq);

      if (result.status === 'applied') {
        // The fix went in: the rejected attempts it replaces can go.
        for (const r of later) if (r.state === 'rejected') await db.outbox.delete(r.seq!);
        for (const r of waiting) {
          if (r.baseRev === row.baseRev) await db.outbox.update(r.seq!, { baseRev: result.rev });
        }
        await db.records.update([row.entity, row.entityId], { rev: result.rev });
        continue;
      }

      // Conflict: the server kept our version as a sibling. Hold it locally too, so
      // it shows at once and survives even before the next pull.
      await db.conflicts.put({
        id: result.conflictId,
        entity: row.entity,
        entityId: row.entityId,
        baseRev: row.baseRev,
        data: row.data,
        createdAt: row.deviceTime,
        resolved: 0,
      });
      if (waiting.length === 0) {
        await db.records.put({
          entity: row.entity,
          id: row.entityId,
          data: result.current.data,
          rev: result.current.rev,
          deleted: result.current.deleted ? 1 : 0,
          updatedAt: row.deviceTime,
        });
      }
    }
  });
}

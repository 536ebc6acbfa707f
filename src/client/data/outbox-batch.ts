import type { Mutation, OriginalResult, PushResult } from '../../shared/sync';
import type { LocalConflict, LocalRecord, LookforDb, OutboxRow } from './db';
import { outboxRowsOf, recordKeyOf } from './outbox-lookup';

export interface Batch {
  rows: OutboxRow[];
  mutations: Mutation[];
}

/** Rows per push: see docs/sync.md for how these were chosen. */
export const DEFAULT_BATCH_ROWS = 500;
/** Bytes of mutation JSON per push, well under the server's 5 MB body limit. */
export const DEFAULT_BATCH_BYTES = 1024 * 1024;

const encoder = new TextEncoder();
export const recordKey = (row: { entity: string; entityId: string }) =>
  recordKeyOf(row.entity, row.entityId);

function toMutation(row: OutboxRow, clientId: string): Mutation {
  return {
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
  };
}

/**
 * Takes the next rows to push, oldest first, at most one per record: a later row
 * for the same record must wait until the earlier one is answered, so that its
 * baseRev can be moved onto the revision the server gave the earlier one.
 * A batch holds at most `maxRows` rows and `maxBytes` of mutation JSON, but always
 * at least one row, so a single large note still goes.
 * Taken rows are marked `sent` before the request leaves, freezing them.
 * Rows of the records in `waiting` are left for a later batch.
 */
export async function takeBatch(
  db: LookforDb,
  clientId: string,
  maxRows: number = DEFAULT_BATCH_ROWS,
  maxBytes: number = DEFAULT_BATCH_BYTES,
  waiting: ReadonlySet<string> = new Set(),
): Promise<Batch> {
  return db.transaction('rw', db.outbox, async () => {
    // Records of a batch whose answers are not applied yet: their rows wait.
    const seen = new Set<string>(waiting);
    const rows: OutboxRow[] = [];
    const mutations: Mutation[] = [];
    let bytes = 0;
    let after = 0;
    let full = false;
    const pageSize = Math.max(1, maxRows);
    // Usually one read: later pages are needed only when skipped rows thin out the first.
    while (!full) {
      const page = await db.outbox.where('seq').above(after).limit(pageSize).toArray();
      for (const row of page) {
        const key = recordKey(row);
        if (row.state === 'rejected' || seen.has(key)) continue;
        const taken: OutboxRow = { ...row, state: 'sent', attempts: row.attempts + 1 };
        const mutation = toMutation(taken, clientId);
        const size = encoder.encode(JSON.stringify(mutation)).byteLength + 1;
        if (rows.length > 0 && bytes + size > maxBytes) {
          full = true;
          break;
        }
        seen.add(key);
        rows.push(taken);
        mutations.push(mutation);
        bytes += size;
        if (rows.length >= maxRows) {
          full = true;
          break;
        }
      }
      if (page.length < pageSize) break;
      after = page.at(-1)?.seq ?? after;
    }
    await db.outbox.bulkPut(rows);
    return { rows, mutations };
  });
}

const original = (result: PushResult): OriginalResult =>
  result.status === 'duplicate' ? result.original : result;

/**
 * The outbox rows of a batch's records, read once and changed in memory; `write`
 * stores every change with two bulk operations.
 */
class OutboxRowsOf {
  private readonly byRecord = new Map<string, OutboxRow[]>();
  private readonly changed = new Map<number, OutboxRow>();
  private readonly deleted = new Set<number>();

  constructor(stored: OutboxRow[]) {
    for (const row of stored) {
      const list = this.byRecord.get(recordKey(row)) ?? [];
      list.push(row);
      this.byRecord.set(recordKey(row), list);
    }
  }

  /** The other rows still held for the record of `row`. */
  others(row: OutboxRow): OutboxRow[] {
    return (this.byRecord.get(recordKey(row)) ?? []).filter(
      (r) => r.seq !== row.seq && !this.deleted.has(r.seq!),
    );
  }

  update(row: OutboxRow, changes: Partial<OutboxRow>): void {
    const list = this.byRecord.get(recordKey(row)) ?? [];
    const i = list.findIndex((r) => r.seq === row.seq);
    if (i < 0 || this.deleted.has(row.seq!)) return;
    const next = { ...list[i]!, ...changes };
    list[i] = next;
    this.changed.set(next.seq!, next);
  }

  delete(row: OutboxRow): void {
    this.deleted.add(row.seq!);
    this.changed.delete(row.seq!);
  }

  async write(db: LookforDb): Promise<void> {
    await db.outbox.bulkDelete([...this.deleted]);
    await db.outbox.bulkPut([...this.changed.values()]);
  }
}

/**
 * Applies the server's answers in one transaction. An outbox row is deleted only
 * here, once the server has acknowledged it; a rejected row stays with its reason.
 * Everything is read once, decided in memory in batch order, and written in bulk.
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
    const outbox = new OutboxRowsOf(
      await outboxRowsOf(
        db,
        rows.map((r) => [r.entity, r.entityId]),
        rows,
      ),
    );
    const revs = new Map<string, { key: [LocalRecord['entity'], string]; rev: number }>();
    const puts = new Map<string, LocalRecord>();
    const conflicts: LocalConflict[] = [];

    for (const [i, row] of rows.entries()) {
      const result = original(results[i]!);
      if (row.seq === undefined || result.mutationId !== row.mutationId) {
        throw new Error('The server answered out of order');
      }
      const later = outbox.others(row);
      const waiting = later.filter((r) => r.state !== 'rejected');

      if (result.status === 'rejected') {
        outbox.update(row, { state: 'rejected', errors: result.errors });
        continue;
      }
      outbox.delete(row);
      const key = recordKey(row);

      if (result.status === 'applied') {
        // The fix went in: the rejected attempts it replaces can go.
        for (const r of later) if (r.state === 'rejected') outbox.delete(r);
        for (const r of waiting) {
          if (r.baseRev === row.baseRev) outbox.update(r, { baseRev: result.rev });
        }
        const put = puts.get(key);
        if (put) put.rev = result.rev;
        else revs.set(key, { key: [row.entity, row.entityId], rev: result.rev });
        continue;
      }

      // Conflict: the server kept our version as a sibling. Hold it locally too, so
      // it shows at once and survives even before the next pull.
      conflicts.push({
        id: result.conflictId,
        entity: row.entity,
        entityId: row.entityId,
        baseRev: row.baseRev,
        data: row.data,
        createdAt: row.deviceTime,
        resolved: 0,
      });
      if (waiting.length === 0) {
        revs.delete(key);
        puts.set(key, {
          entity: row.entity,
          id: row.entityId,
          data: result.current.data,
          rev: result.current.rev,
          deleted: result.current.deleted ? 1 : 0,
          updatedAt: row.deviceTime,
        });
      }
    }

    await outbox.write(db);
    // A record settled without a conflict takes its new revision (if still here).
    const settled = [...revs.values()];
    const stored = await db.records.bulkGet(settled.map((r) => r.key));
    stored.forEach((record, i) => {
      if (record)
        puts.set(recordKey({ entity: record.entity, entityId: record.id }), {
          ...record,
          rev: settled[i]!.rev,
        });
    });
    await db.records.bulkPut([...puts.values()]);
    await db.conflicts.bulkPut(conflicts);
  });
}

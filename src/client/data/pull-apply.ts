import type { PullResponse, RecordChange } from '../../shared/sync';
import type { LocalConflict, LocalRecord, LookforDb } from './db';
import { PULL_PROGRESS_KEY, type PullProgress } from './meta';
import { heldRecords, recordKeyOf as recordKey } from './outbox-lookup';

/**
 * Applies one pull answer and stores its cursor in the same transaction, so the
 * cursor never runs ahead of what this device holds. A record with local edits not
 * yet acknowledged keeps the local copy: its push will settle against the server.
 * The page is read with one bulk read of records and one of their outbox rows, and
 * written with bulk puts.
 */
export async function applyPull(db: LookforDb, answer: PullResponse, now: Date): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.conflicts, db.meta, async () => {
    if (answer.reset) {
      await db.meta.put({ key: 'cursor', value: 0 });
      await storeProgress(db, { ...answer, cursor: 0 });
      return;
    }
    const conflicts: LocalConflict[] = [];
    const changes = answer.changes.flatMap((c) => (c.kind === 'record' ? [c] : []));
    for (const change of answer.changes) {
      if (change.kind !== 'conflict') continue;
      conflicts.push({
        id: change.conflictId,
        entity: change.entity,
        entityId: change.entityId,
        baseRev: change.baseRev,
        data: change.data,
        createdAt: change.createdAt,
        resolved: change.resolved ? 1 : 0,
      });
    }

    const keys = changes.map((c): [LocalRecord['entity'], string] => [c.entity, c.entityId]);
    const [stored, held] = await Promise.all([db.records.bulkGet(keys), heldRecords(db, keys)]);
    const local = new Map<string, LocalRecord>();
    for (const record of stored) if (record) local.set(recordKey(record.entity, record.id), record);

    const puts = new Map<string, LocalRecord>();
    for (const change of changes) {
      const key = recordKey(change.entity, change.entityId);
      if (held.has(key)) continue;
      const mine = local.get(key);
      if (mine && mine.rev !== null && mine.rev > change.rev) continue;
      const next: LocalRecord = {
        entity: change.entity,
        id: change.entityId,
        data: change.data,
        rev: change.rev,
        deleted: change.deleted ? 1 : 0,
        updatedAt: mine?.updatedAt ?? now.toISOString(),
      };
      local.set(key, next);
      puts.set(key, next);
    }

    await db.conflicts.bulkPut(conflicts);
    await db.records.bulkPut([...puts.values()]);
    await db.meta.put({ key: 'cursor', value: answer.cursor });
    await storeProgress(db, answer);
  });
}

/**
 * Stores the newest records a new device may read, before its first pull reaches
 * them, so the screens show them at once. Only records the device does not hold at
 * all are written, and no cursor moves: the pull brings each one again in order.
 */
export async function applyRecent(
  db: LookforDb,
  changes: readonly RecordChange[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const keys = changes.map((c): [LocalRecord['entity'], string] => [c.entity, c.entityId]);
    const [stored, unacknowledged] = await Promise.all([
      db.records.bulkGet(keys),
      heldRecords(db, keys),
    ]);
    const held = new Set([
      ...stored.flatMap((r) => (r ? [recordKey(r.entity, r.id)] : [])),
      ...unacknowledged,
    ]);
    await db.records.bulkPut(
      changes
        .filter((c) => !c.deleted && !held.has(recordKey(c.entity, c.entityId)))
        .map((c) => ({
          entity: c.entity,
          id: c.entityId,
          data: c.data,
          rev: c.rev,
          deleted: 0 as const,
          updatedAt: now.toISOString(),
        })),
    );
  });
}

/** Keeps how far a long pull has come while pages remain, for the screen; clears it when done. */
async function storeProgress(db: LookforDb, answer: PullResponse): Promise<void> {
  if (answer.hasMore && answer.latest !== undefined) {
    const value: PullProgress = { cursor: answer.cursor, latest: answer.latest };
    await db.meta.put({ key: PULL_PROGRESS_KEY, value });
  } else {
    await db.meta.delete(PULL_PROGRESS_KEY);
  }
}

import { Entity } from '../../shared/entities';
import type { Change, PullResponse, RecentResponse, RecordChange } from '../../shared/sync';
import type { Actor } from './access/actor';
import {
  conflictsAfter,
  currentServerSeq,
  newestRecords,
  recordsAfter,
  type StoredRecord,
} from './repository';
import type { Queryable } from '../db/queryable';

const recordChange = (r: StoredRecord): RecordChange => ({
  kind: 'record',
  serverSeq: r.serverSeq,
  entity: Entity.parse(r.entity),
  entityId: r.entityId,
  rev: r.rev,
  deleted: r.deleted,
  data: r.data,
});

/** The newest records the viewer may read, for a device's first look while it pulls. */
export async function recentChanges(
  db: Queryable,
  limit: number,
  viewer: Actor,
): Promise<RecentResponse> {
  return { changes: (await newestRecords(db, limit, viewer)).map(recordChange) };
}

/**
 * Changes after `cursor` in server-sequence order. Records and conflict siblings
 * share one sequence, so the two lists are merged by it. Rows are served only up
 * to the counter value read first: everything at or below it has committed, so
 * two queries that see different snapshots can never make the cursor skip a row.
 */
export async function pullChanges(
  db: Queryable,
  cursor: number,
  limit: number,
  viewer: Actor,
  clientId?: string,
): Promise<PullResponse> {
  const latest = await currentServerSeq(db);
  if (cursor > latest) return { changes: [], cursor: 0, hasMore: true, reset: true, latest };

  const [records, conflicts] = await Promise.all([
    recordsAfter(db, cursor, limit + 1, viewer, clientId),
    conflictsAfter(db, cursor, limit + 1, viewer),
  ]);
  const merged: Change[] = [
    ...records.map(recordChange),
    ...conflicts.map((c): Change => ({
      kind: 'conflict',
      serverSeq: c.serverSeq,
      conflictId: c.id,
      entity: Entity.parse(c.entity),
      entityId: c.entityId,
      baseRev: c.baseRev,
      data: c.data,
      createdAt: c.createdAt,
      resolved: c.resolved,
    })),
  ].sort((a, b) => a.serverSeq - b.serverSeq);

  const committed = merged.filter((c) => c.serverSeq <= latest);
  const changes = committed.slice(0, limit);
  const last = changes.at(-1);
  return {
    changes,
    // Nothing visible up to the watermark: the reader may skip straight to it.
    cursor: last ? last.serverSeq : Math.max(cursor, latest),
    hasMore: committed.length > limit || committed.length < merged.length,
    reset: false,
    latest,
  };
}

import type { PullResponse } from '../../shared/sync';
import type { LookforDb } from './db';

/**
 * Applies one pull answer and stores its cursor in the same transaction, so the
 * cursor never runs ahead of what this device holds. A record with local edits not
 * yet acknowledged keeps the local copy: its push will settle against the server.
 */
export async function applyPull(db: LookforDb, answer: PullResponse, now: Date): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.conflicts, db.meta, async () => {
    if (answer.reset) {
      await db.meta.put({ key: 'cursor', value: 0 });
      return;
    }
    for (const change of answer.changes) {
      if (change.kind === 'conflict') {
        await db.conflicts.put({
          id: change.conflictId,
          entity: change.entity,
          entityId: change.entityId,
          baseRev: change.baseRev,
          data: change.data,
          createdAt: change.createdAt,
          resolved: change.resolved ? 1 : 0,
        });
        continue;
      }
      const local = await db.records.get([change.entity, change.entityId]);
      const unacknowledged = await db.outbox
        .where('[entity+entityId]')
        .equals([change.entity, change.entityId])
        .count();
      if (unacknowledged > 0) continue;
      if (local && local.rev !== null && local.rev > change.rev) continue;
      await db.records.put({
        entity: change.entity,
        id: change.entityId,
        data: change.data,
        rev: change.rev,
        deleted: change.deleted ? 1 : 0,
        updatedAt: local?.updatedAt ?? now.toISOString(),
      });
    }
    await db.meta.put({ key: 'cursor', value: answer.cursor });
  });
}

import type { LookforDb } from './db';
import { exportUnsentPhotos } from './photo-export';

/** Everything not yet safe on the server, as a file the user can keep. */
export async function unsentExport(db: LookforDb, now: Date): Promise<string> {
  const rows = await db.outbox.orderBy('seq').toArray();
  const photos = await exportUnsentPhotos(db);
  return JSON.stringify(
    {
      format: 'lookfor-unsent-notes',
      version: 1,
      exportedAt: now.toISOString(),
      notes: rows.map((r) => ({
        entity: r.entity,
        id: r.entityId,
        state: r.state,
        savedAt: r.deviceTime,
        data: r.data,
        ...(r.errors ? { problems: r.errors } : {}),
      })),
      photos,
    },
    null,
    2,
  );
}

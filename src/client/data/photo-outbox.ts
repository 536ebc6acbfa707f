import type { LookforDb } from './db';

/**
 * The server refused these changes only because a photo they name was not there
 * (`photo_missing`). That is not a verdict on the note: each row goes back to
 * waiting, under a new mutationId (the server keeps its answer to the old one), and
 * its photos are marked for upload, so the next push uploads them and sends it again.
 * A row superseded by a later edit of the same record is simply dropped: the later
 * one carries the whole record.
 */
export async function requeueForPhotos(
  db: LookforDb,
  seqs: number[],
  missing: string[],
): Promise<void> {
  if (seqs.length === 0) return;
  await db.transaction('rw', db.outbox, db.photos, async () => {
    await db.photos.where('hash').anyOf(missing).modify({ uploaded: 0 });
    for (const seq of seqs) {
      const row = await db.outbox.get(seq);
      if (!row || row.state !== 'rejected') continue;
      const later = await db.outbox
        .where('[entity+entityId]')
        .equals([row.entity, row.entityId])
        .filter((r) => r.seq !== seq && r.state !== 'rejected')
        .count();
      if (later > 0) {
        await db.outbox.delete(seq);
        continue;
      }
      await db.outbox.update(seq, {
        state: 'pending',
        mutationId: crypto.randomUUID(),
        errors: undefined,
      });
    }
  });
}

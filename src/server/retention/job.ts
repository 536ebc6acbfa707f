import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { retainedEntities, retentionCutoffs, type RetentionCounts } from '../../shared/retention';
import { recordAudit } from '../audit/repository';
import type { Database } from '../db/schema';
import type { PhotoStore } from '../photos/store';
import { retentionSettings } from '../settings/repository';
import { eraseObservationText, recordsWrittenBefore, tombstoneRecords } from './records';
import {
  deleteAuditBefore,
  deleteEvidenceBefore,
  deletePhotos,
  photosSentBefore,
} from './repository';

const DAY_MS = 86_400_000;

/**
 * Deletes everything older than the district's retention windows as of `now`, in one
 * transaction, and writes one audit line with the counts (never content) when it
 * deleted anything. Data inside its window is never touched: the cut-offs come from
 * the pure rule `retentionCutoffs` in src/shared/retention.ts. Photo bytes are removed
 * from the store after the commit.
 */
export async function runRetention(
  db: Kysely<Database>,
  store: PhotoStore,
  now: Date,
): Promise<RetentionCounts> {
  const at = now.toISOString();
  const { counts, photos } = await db.transaction().execute(async (trx) => {
    const cutoffs = retentionCutoffs(await retentionSettings(trx), now);
    const observations = await recordsWrittenBefore(
      trx,
      retainedEntities.observations,
      cutoffs.observations,
    );
    const peerNotes = await recordsWrittenBefore(
      trx,
      retainedEntities.peerNotes,
      cutoffs.peerNotes,
    );
    await tombstoneRecords(trx, [...observations, ...peerNotes], at);
    await eraseObservationText(
      trx,
      observations.filter((r) => r.entity === 'observation').map((r) => r.entityId),
    );
    await deleteEvidenceBefore(trx, cutoffs.observations);
    const photos = await photosSentBefore(trx, cutoffs.photos);
    await deletePhotos(trx, photos);
    const audit = await deleteAuditBefore(trx, cutoffs.audit);
    const counts: RetentionCounts = {
      observations: observations.length,
      peerNotes: peerNotes.length,
      photos: photos.length,
      audit,
    };
    if (Object.values(counts).some((n) => n > 0)) {
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: null,
        action: 'retention.deleted',
        subject: 'district',
        details: counts,
      });
    }
    return { counts, photos };
  });
  for (const hash of photos) await store.remove(db, hash);
  return counts;
}

/** Runs the retention job at start and then daily, without keeping the process alive. */
export function startRetention(
  db: Kysely<Database>,
  store: PhotoStore,
  log: (message: string, error: unknown) => void,
  now: () => Date = () => new Date(),
): { stop: () => void } {
  const run = () => {
    runRetention(db, store, now()).catch((error: unknown) =>
      log('retention job failed; it runs again tomorrow', error),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ErasureAnswer as ErasureCounts } from '../../shared/answers/retention';
import { recordAudit } from '../audit/repository';
import type { Database } from '../db/schema';
import type { PhotoStore } from '../photos/store';
import { erasePersonDetails } from './person-repository';
import { entitiesNamingPeople, withoutName } from '../../shared/erased-names';
import {
  eraseObservationText,
  liveRecordsOf,
  recordsOwnedBy,
  rewriteRecords,
  tombstoneRecords,
} from './records';
import { deletePhotos, photosFirstSentBy } from './repository';

/** A person's own notes: deleted on request whatever their age. */
const OWN_NOTES = ['visit-note', 'shared-note', 'reflection'] as const;

const inRound = (data: unknown) =>
  typeof data === 'object' &&
  data !== null &&
  'roundId' in data &&
  typeof (data as { roundId?: unknown }).roundId === 'string';

/**
 * Deletes a person's data on request (a district admin's action), in one transaction:
 * their visit notes, shared notes and reflections; their observations outside any
 * round (observations in a Blast Walkthrough round stay: they carry no teacher, feed
 * the school's round, and their name in them, a round's team and a colleague's visit
 * becomes "Deleted person"); the photos they
 * sent; their sessions and personal details. An audit line says who did it, when,
 * and the counts. Dashboard facts stay: they are anonymous counts.
 */
export async function erasePerson(
  db: Kysely<Database>,
  store: PhotoStore,
  input: { userId: string; by: string; at: string },
): Promise<ErasureCounts> {
  const { counts, photos } = await db.transaction().execute(async (trx) => {
    const notes = await recordsOwnedBy(trx, input.userId, OWN_NOTES);
    const observations = (await recordsOwnedBy(trx, input.userId, ['observation'])).filter(
      (r) => !inRound(r.data),
    );
    await tombstoneRecords(trx, [...notes, ...observations], input.at);
    await eraseObservationText(
      trx,
      observations.map((r) => r.entityId),
    );
    // What stays must not name them: their round visits, a round's team, a colleague's visit.
    const named = (await liveRecordsOf(trx, entitiesNamingPeople)).flatMap((r) => {
      const data = withoutName(r.entity, r.data, input.userId);
      return data ? [{ ...r, data }] : [];
    });
    await rewriteRecords(trx, named, input.at);
    const photos = await photosFirstSentBy(trx, input.userId);
    await deletePhotos(trx, photos);
    const sessions = await erasePersonDetails(trx, input.userId, input.at);
    const counts: ErasureCounts = {
      notes: notes.length,
      observations: observations.length,
      photos: photos.length,
      sessions,
    };
    await recordAudit(trx, {
      id: randomUUID(),
      at: input.at,
      actorId: input.by,
      action: 'person.erased',
      subject: input.userId,
      details: counts,
    });
    return { counts, photos };
  });
  for (const hash of photos) await store.remove(db, hash);
  return counts;
}

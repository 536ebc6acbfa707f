import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { updateObservation } from '../../../src/client/data/observations';
import {
  finishAndNext,
  roundProgress,
  startRoomVisit,
  type Walker,
} from '../../../src/client/data/rounds';
import { setResponse } from '../../../src/shared/observation-rules';
import type { Round } from '../../../src/shared/rounds';
import { BIG_ROUND_ID, countReads, storeYearsOfNotes } from '../../support/device-scale';
import { round as anyRound, TEST_USER_ID } from '../../support/factories';

const now = new Date('2026-11-24T09:00:00Z');
const walker: Walker = { userId: TEST_USER_ID, observer: 'Coach Rivera', school: 'Lincoln' };

describe('walking a round on a device holding years of notes', () => {
  let db: LookforDb;
  let reads: Map<string, number>;
  let round: Round;
  beforeEach(async () => {
    db = openLookforDb(`walk-${crypto.randomUUID()}`);
    reads = countReads(db);
    // 3,000 notes, 30 of them from an earlier round; today's round has three rooms.
    await storeYearsOfNotes(db, 3000);
    round = anyRound({
      rooms: ['a', 'b', 'c'].map((id) => ({
        id,
        room: id,
        gradeBand: '3-5' as const,
        subject: 'Math',
        assignedTo: TEST_USER_ID,
      })),
    });
  });
  afterEach(() => db.close());

  it('counts a round’s progress from its own visits only', async () => {
    const earlier = await roundProgress(db, BIG_ROUND_ID, TEST_USER_ID);
    expect(earlier.visitedRoomIds).toHaveLength(30);
    expect(earlier.visitedRoomIds).toContain('r580');
    expect(earlier.openVisit).toBeNull();

    const today = await roundProgress(db, round.id, TEST_USER_ID);
    expect(today).toEqual({ visitedRoomIds: [], myVisitedRoomIds: [], openVisit: null });
  });

  it('walks room to room with a fixed number of reads, however many notes the device holds', async () => {
    const first = await startRoomVisit(db, round, 'a', walker, now);
    reads.clear();
    // A tap, then the progress the walk screen reads again after it.
    await updateObservation(db, first.id, (o) => setResponse(o, 'students-talk', 'seen'), now);
    const progress = await roundProgress(db, round.id, TEST_USER_ID);
    expect(progress.openVisit?.id).toBe(first.id);
    expect(progress.openVisit?.responses).toMatchObject({ 'students-talk': 'seen' });
    // The tap: the record and its outbox row. The progress: the pulled progress and one
    // range of this round's visits.
    expect(reads.get('records')).toBeLessThanOrEqual(4);

    const second = await finishAndNext(db, round, first.id, walker, now);
    expect(second?.roomId).toBe('b');
    const third = await finishAndNext(db, round, second?.id ?? '', walker, now);
    expect(third?.roomId).toBe('c');
    expect(await finishAndNext(db, round, third?.id ?? '', walker, now)).toBeNull();
    const done = await roundProgress(db, round.id, TEST_USER_ID);
    expect(done.visitedRoomIds.sort()).toEqual(['a', 'b', 'c']);
  });
});

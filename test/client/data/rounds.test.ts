import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import {
  finishAndNext,
  listRounds,
  roundProgress,
  saveRound,
  startRoomVisit,
  type Walker,
} from '../../../src/client/data/rounds';
import { cachedStaff, refreshStaff } from '../../../src/client/data/staff';
import type { Round } from '../../../src/shared/rounds';
import { round as anyRound, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';

const now = new Date('2026-11-23T09:00:00Z');
const later = new Date('2026-11-23T09:04:00Z');
const teammate = '00000000-0000-4000-8000-0000000000b2';
const walker: Walker = { userId: TEST_USER_ID, observer: 'Coach Rivera', school: 'Lincoln' };
const plan = (): Round =>
  anyRound({
    team: [
      { userId: TEST_USER_ID, name: 'Coach Rivera' },
      { userId: teammate, name: 'Coach Kim' },
    ],
    rooms: [
      { id: 'r1', room: '101', gradeBand: 'K-2', subject: 'Reading', assignedTo: TEST_USER_ID },
      { id: 'r2', room: '102', gradeBand: '3-5', subject: 'Math', assignedTo: teammate },
      { id: 'r3', room: '103', gradeBand: '6-8', subject: 'Science', assignedTo: TEST_USER_ID },
      { id: 'r4', room: '104', gradeBand: 'Mixed', subject: 'Art', assignedTo: null },
    ],
  });

describe('rounds on the device', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`rounds-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('saves a plan with its outbox row, like a note', async () => {
    const round = await saveRound(db, plan(), now);
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ entity: 'round', entityId: round.id, state: 'pending' }),
    ]);
    expect(await listRounds(db, [TEST_SCHOOL_ID])).toEqual([round]);
    expect(await listRounds(db, [crypto.randomUUID()])).toEqual([]);
  });

  it('refuses an invalid plan and stores nothing', async () => {
    await expect(saveRound(db, { ...plan(), endsOn: '2026-11-01' }, now)).rejects.toThrow();
    expect(await db.records.count()).toBe(0);
  });

  it('starts a visit with the room, its grade band and subject, the round’s protocol, and no teacher', async () => {
    const round = plan();
    const visit = await startRoomVisit(db, round, 'r3', walker, now);
    expect(visit).toMatchObject({
      roundId: round.id,
      roomId: 'r3',
      room: '103',
      gradeBand: '6-8',
      subject: 'Science',
      protocolId: round.protocolId,
      protocolVersion: round.protocolVersion,
      observerId: TEST_USER_ID,
      status: 'draft',
    });
    expect(JSON.stringify(visit).toLowerCase()).not.toContain('teacher');
    expect(await db.outbox.count()).toBe(1);
  });

  it('resumes the open visit to a room instead of starting a second one', async () => {
    const round = plan();
    const first = await startRoomVisit(db, round, 'r1', walker, now);
    const again = await startRoomVisit(db, round, 'r1', walker, later);
    expect(again.id).toBe(first.id);
    expect((await roundProgress(db, round.id, TEST_USER_ID)).openVisit?.id).toBe(first.id);
  });

  it('finishes a visit and starts my next room in one write, then the unassigned room', async () => {
    const round = plan();
    const first = await startRoomVisit(db, round, 'r1', walker, now);
    const second = await finishAndNext(db, round, first.id, walker, later);
    expect(second).toMatchObject({ roomId: 'r3', status: 'draft', startedAt: later.toISOString() });
    const third = await finishAndNext(db, round, second!.id, walker, later);
    expect(third?.roomId).toBe('r4');
    expect(await finishAndNext(db, round, third!.id, walker, later)).toBeNull();
    const progress = await roundProgress(db, round.id, TEST_USER_ID);
    expect(progress.visitedRoomIds.sort()).toEqual(['r1', 'r3', 'r4']);
    expect(progress.openVisit).toBeNull();
    const finished = await db.records.get(['observation', first.id]);
    expect(finished?.data).toMatchObject({ status: 'complete', endedAt: later.toISOString() });
  });

  it('merges the team’s pulled progress with visits finished here and not yet synced', async () => {
    const round = plan();
    await db.records.put({
      entity: 'round-progress',
      id: round.id,
      data: {
        roundId: round.id,
        schoolId: TEST_SCHOOL_ID,
        visitedRoomIds: ['r2'],
        updatedAt: now.toISOString(),
      },
      rev: 1,
      deleted: 0,
      updatedAt: now.toISOString(),
    });
    const visit = await startRoomVisit(db, round, 'r1', walker, now);
    expect((await roundProgress(db, round.id, TEST_USER_ID)).visitedRoomIds).toEqual(['r2']);
    await finishAndNext(db, round, visit.id, walker, later);
    expect((await roundProgress(db, round.id, TEST_USER_ID)).visitedRoomIds).toEqual(['r2', 'r1']);
  });
});

describe('the staff list kept on the device', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`staff-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());
  const list = {
    schoolId: TEST_SCHOOL_ID,
    staff: [{ userId: teammate, name: 'Coach Kim', role: 'coach' }],
    fetchedAt: now.toISOString(),
  };
  const answer =
    (status: number, body: unknown): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body), { status });

  it('keeps the last answer and serves it when offline', async () => {
    expect(await refreshStaff(db, TEST_SCHOOL_ID, answer(200, list))).toBe('fresh');
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await refreshStaff(db, TEST_SCHOOL_ID, offline)).toBe('offline');
    expect(await cachedStaff(db, TEST_SCHOOL_ID)).toEqual(list);
  });

  it('keeps nothing from a refusal or an answer for another school', async () => {
    expect(await refreshStaff(db, TEST_SCHOOL_ID, answer(403, { error: {} }))).toBe('refused');
    const other = { ...list, schoolId: crypto.randomUUID() };
    expect(await refreshStaff(db, TEST_SCHOOL_ID, answer(200, other))).toBe('refused');
    expect(await cachedStaff(db, TEST_SCHOOL_ID)).toBeNull();
  });
});

import { Dexie } from 'dexie';
import { Observation } from '../../shared/observation';
import { queueVisits, roomQueue } from '../../shared/round-rules';
import { Round, RoundProgress, type RoundRoom } from '../../shared/rounds';
import type { LookforDb } from './db';
import { recordStore } from './record-store';
import { observationRecords } from './observations';

/** Round plans on this device, read and written the way every record is. */
export const roundRecords = recordStore('round', Round, {
  keyOf: (r) => r.id,
  missing: 'This round is not on this device',
});

/** Who walks, as the observation records it: names for display, the id for the server. */
export interface Walker {
  userId: string;
  observer: string;
  school: string;
}

/** Saves a plan (every edit, as with notes): validated, then record and outbox together. */
export async function saveRound(db: LookforDb, round: Round, now: Date): Promise<Round> {
  return roundRecords.put(db, { ...round, updatedAt: now.toISOString() }, { now });
}

export async function getRound(db: LookforDb, id: string): Promise<Round | null> {
  return roundRecords.get(db, id);
}

/** The rounds of these schools (null: every school, for a district admin), newest first. */
export async function listRounds(db: LookforDb, schoolIds: string[] | null): Promise<Round[]> {
  return (await roundRecords.list(db))
    .filter((r) => schoolIds === null || schoolIds.includes(r.schoolId))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name));
}

/**
 * The observations of one round, read through the round index: a walk reads its
 * own few dozen visits, never every observation on the device.
 */
async function roundObservations(db: LookforDb, roundId: string): Promise<Observation[]> {
  const records = await db.records
    .where('[entity+data.roundId+data.startedAt]')
    .between(['observation', roundId, Dexie.minKey], ['observation', roundId, Dexie.maxKey])
    .toArray();
  return records.flatMap((r) => {
    const parsed = r.deleted === 0 ? Observation.safeParse(r.data) : null;
    return parsed?.success && parsed.data.roundId === roundId ? [parsed.data] : [];
  });
}

export interface RoundProgressView {
  /** Rooms with a finished visit: the team's, as last pulled, and this device's own. */
  visitedRoomIds: string[];
  /** This user's visit in progress on this device, to resume. */
  openVisit: Observation | null;
  /** Rooms this user finished on this device: a calibration round's queue skips only these. */
  myVisitedRoomIds: string[];
}

/**
 * The server's `round-progress` merged with this device's finished visits, so a
 * room counts as visited the moment it is finished, offline included.
 */
export async function roundProgress(
  db: LookforDb,
  roundId: string,
  userId: string,
): Promise<RoundProgressView> {
  const [record, visits] = await Promise.all([
    db.records.get(['round-progress', roundId]),
    roundObservations(db, roundId),
  ]);
  const pulled = RoundProgress.safeParse(record?.data);
  const visited = new Set(pulled.success ? pulled.data.visitedRoomIds : []);
  const mine = new Set<string>();
  for (const v of visits) {
    if (v.status !== 'complete' || !v.roomId) continue;
    visited.add(v.roomId);
    if (v.observerId === userId) mine.add(v.roomId);
  }
  const open = visits
    .filter((v) => v.status === 'draft' && v.observerId === userId && v.roomId)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { visitedRoomIds: [...visited], openVisit: open[0] ?? null, myVisitedRoomIds: [...mine] };
}

function newVisit(round: Round, room: RoundRoom, walker: Walker, now: Date): Observation {
  return Observation.parse({
    id: crypto.randomUUID(),
    protocolId: round.protocolId,
    protocolVersion: round.protocolVersion,
    observerId: walker.userId,
    schoolId: round.schoolId,
    school: walker.school,
    room: room.room,
    gradeBand: room.gradeBand,
    subject: room.subject,
    observer: walker.observer,
    roundId: round.id,
    roomId: room.id,
    startedAt: now.toISOString(),
    endedAt: null,
    responses: {},
    notes: '',
    status: 'draft',
  });
}

/**
 * Starts the visit to a room of the round, or returns the one already open for that
 * room on this device, so a reload or a second tap never makes a second visit.
 */
export async function startRoomVisit(
  db: LookforDb,
  round: Round,
  roomId: string,
  walker: Walker,
  now: Date,
): Promise<Observation> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const open = (await roundObservations(db, round.id)).find(
      (o) => o.status === 'draft' && o.roomId === roomId && o.observerId === walker.userId,
    );
    if (open) return open;
    const room = round.rooms.find((r) => r.id === roomId);
    if (!room) throw new Error('This room is not on the round');
    const visit = newVisit(round, room, walker, now);
    return observationRecords.put(db, visit, { now });
  });
}

/**
 * Finishes a visit and starts the next room in this user's queue, in one
 * transaction: the coach walks on with nothing to tap. Returns the next visit, or
 * null when the queue is empty.
 */
export async function finishAndNext(
  db: LookforDb,
  round: Round,
  visitId: string,
  walker: Walker,
  now: Date,
): Promise<Observation | null> {
  return db.transaction('rw', db.records, db.outbox, async () => {
    const record = await db.records.get(['observation', visitId]);
    if (!record) throw new Error('This visit is not on this device');
    const visit = Observation.parse(record.data);
    if (visit.status === 'draft') {
      const done = { ...visit, status: 'complete' as const, endedAt: now.toISOString() };
      await observationRecords.put(db, done, { now, existing: record });
    }
    const view = await roundProgress(db, round.id, walker.userId);
    if (view.openVisit) return view.openVisit;
    const next = roomQueue(round, queueVisits(round, view), walker.userId)[0];
    if (!next) return null;
    const started = newVisit(round, next, walker, now);
    return observationRecords.put(db, started, { now });
  });
}

export interface RoundConflict {
  id: string;
  data: Round;
  createdAt: string;
}

/** Versions of a plan kept beside the current one after two planners edited it at once. */
export async function roundConflicts(db: LookforDb, id: string): Promise<RoundConflict[]> {
  const rows = await db.conflicts
    .where('[entity+entityId]')
    .equals(['round', id])
    .filter((c) => c.resolved === 0)
    .toArray();
  return rows.flatMap((c) => {
    const parsed = Round.safeParse(c.data);
    return parsed.success ? [{ id: c.id, data: parsed.data, createdAt: c.createdAt }] : [];
  });
}

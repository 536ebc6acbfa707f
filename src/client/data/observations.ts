import type { Entity } from '../../shared/entity-names';
import type { FieldIssue } from '../../shared/errors';
import { Observation, type ObservationSetup } from '../../shared/observation';
import type { Protocol } from '../../shared/protocol';
import type { LocalConflict, LookforDb, OutboxRow } from './db';
import { recordStore } from './record-store';
import { writeRecord } from './write-record';

/** Observations on this device: read, saved and edited the way every record is. */
export const observationRecords = recordStore('observation', Observation, {
  keyOf: (o) => o.id,
  missing: 'This observation is not on this device',
});

export type SyncState = 'synced' | 'waiting' | 'rejected' | 'conflict';

export interface ObservationView {
  observation: Observation;
  syncState: SyncState;
  /** Why the server refused the last attempt, when it did. */
  rejections: FieldIssue[];
  /** Versions kept beside this one, awaiting the user's choice. */
  conflicts: Array<{ id: string; data: Observation; createdAt: string }>;
}

export async function startObservation(
  db: LookforDb,
  setup: ObservationSetup,
  protocol: Protocol,
  now: Date,
  observerId: string,
): Promise<Observation> {
  const observation = Observation.parse({
    id: crypto.randomUUID(),
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    observerId,
    ...setup,
    startedAt: now.toISOString(),
    endedAt: null,
    responses: {},
    notes: '',
    status: 'draft',
  });
  return observationRecords.put(db, observation, { now });
}

/** Saves an edit (a tap, a keystroke in the notes). Invalid data never reaches storage. */
export async function saveObservation(db: LookforDb, observation: Observation, now: Date) {
  await observationRecords.put(db, observation, { now });
}

/**
 * Applies an edit to the stored copy inside one transaction, so a tap and a
 * keystroke saved at the same moment can never overwrite each other.
 */
export async function updateObservation(
  db: LookforDb,
  id: string,
  change: (current: Observation) => Observation,
  now: Date,
): Promise<void> {
  await observationRecords.update(db, id, change, now);
}

/**
 * Deletes an observation: the device keeps a tombstone until the server has
 * acknowledged the delete, which other devices then pull like any change.
 */
export async function deleteObservation(db: LookforDb, id: string, now: Date): Promise<void> {
  await observationRecords.remove(db, id, now);
}

/** Keeps the chosen version of any record and settles every open sibling of it. */
export async function keepVersion(
  db: LookforDb,
  entity: Entity,
  entityId: string,
  chosen: unknown,
  conflictIds: string[],
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.conflicts, async () => {
    await writeRecord(db, entity, entityId, chosen, { now, resolves: conflictIds });
    await db.conflicts.where('id').anyOf(conflictIds).modify({ resolved: 1 });
  });
}

function syncStateOf(rows: OutboxRow[], conflicts: LocalConflict[]): SyncState {
  if (rows.some((r) => r.state === 'rejected')) return 'rejected';
  if (conflicts.length > 0) return 'conflict';
  return rows.length > 0 ? 'waiting' : 'synced';
}

/** One observation with its sync state, from its outbox rows and open conflicts. */
export function viewOf(
  observation: Observation,
  rows: OutboxRow[],
  conflicts: LocalConflict[],
): ObservationView {
  return {
    observation,
    syncState: syncStateOf(rows, conflicts),
    rejections: rows.flatMap((r) => (r.state === 'rejected' ? (r.errors ?? []) : [])),
    conflicts: conflicts.flatMap((c) => {
      const sibling = Observation.safeParse(c.data);
      return sibling.success ? [{ id: c.id, data: sibling.data, createdAt: c.createdAt }] : [];
    }),
  };
}

/**
 * The outbox rows and open conflicts of these observations, in one query each
 * (never one per record), grouped by observation id.
 */
export async function pendingOf(db: LookforDb, ids: string[]) {
  const keys = ids.map((id) => ['observation', id]);
  const [rows, conflicts] = await Promise.all([
    keys.length ? db.outbox.where('[entity+entityId]').anyOf(keys).toArray() : [],
    keys.length
      ? db.conflicts
          .where('[entity+entityId]')
          .anyOf(keys)
          .filter((c) => c.resolved === 0)
          .toArray()
      : [],
  ]);
  return {
    rowsOf: (id: string) => rows.filter((r) => r.entityId === id),
    conflictsOf: (id: string) => conflicts.filter((c) => c.entityId === id),
  };
}

export async function getObservation(db: LookforDb, id: string): Promise<ObservationView | null> {
  const observation = await observationRecords.get(db, id);
  if (!observation) return null;
  const { rowsOf, conflictsOf } = await pendingOf(db, [id]);
  return viewOf(observation, rowsOf(id), conflictsOf(id));
}

export interface OutboxCounts {
  /** Records with changes the server has not acknowledged. */
  pending: number;
  rejected: number;
  conflicts: number;
  /** Device time of the oldest change still waiting, for "waiting since" hints. */
  oldestPendingAt: string | null;
}

export async function outboxCounts(db: LookforDb): Promise<OutboxCounts> {
  const [rows, open] = await Promise.all([
    db.outbox.toArray(),
    db.conflicts.where('resolved').equals(0).toArray(),
  ]);
  const waiting = rows.filter((r) => r.state !== 'rejected');
  const distinct = (list: Array<{ entityId: string }>) => new Set(list.map((r) => r.entityId)).size;
  return {
    pending: distinct(waiting),
    rejected: distinct(rows.filter((r) => r.state === 'rejected')),
    conflicts: distinct(open),
    oldestPendingAt: waiting.map((r) => r.deviceTime).sort()[0] ?? null,
  };
}

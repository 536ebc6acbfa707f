import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Entity } from '../../shared/entity-names';
import type { FieldIssue } from '../../shared/errors';
import type { PhotoType } from '../../shared/photos';

/** A record as this device holds it: the working copy and the server revision it rests on. */
export interface LocalRecord {
  entity: Entity;
  id: string;
  data: unknown;
  /** The server revision this copy started from; null until the server has it. */
  rev: number | null;
  deleted: 0 | 1;
  updatedAt: string;
}

export type OutboxState = 'pending' | 'sent' | 'rejected';

/**
 * A mutation waiting for the server. `pending` rows were never sent and may still
 * absorb later edits; `sent` rows are frozen (the server may already hold them)
 * and are retried with the same mutationId; `rejected` rows stay, with the reason,
 * until a fix for the same record is applied.
 */
export interface OutboxRow {
  seq?: number;
  mutationId: string;
  entity: Entity;
  entityId: string;
  op: 'put' | 'delete';
  baseRev: number | null;
  data: unknown;
  deviceTime: string;
  resolves?: string[];
  state: OutboxState;
  attempts: number;
  errors?: FieldIssue[];
}

/** A version the server kept beside the current one; the user chooses between them. */
export interface LocalConflict {
  id: string;
  entity: Entity;
  entityId: string;
  baseRev: number | null;
  data: unknown;
  createdAt: string;
  resolved: 0 | 1;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A photo's bytes on this device, named by their SHA-256. `uploaded` is 1 once the
 * server holds them (or they came from the server), so sync skips them.
 */
export interface LocalPhoto {
  hash: string;
  blob: Blob;
  type: PhotoType;
  bytes: number;
  width: number;
  height: number;
  uploaded: 0 | 1;
  createdAt: string;
}

export type LookforDb = Dexie & {
  records: Table<LocalRecord, [Entity, string]>;
  photos: EntityTable<LocalPhoto, 'hash'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  conflicts: EntityTable<LocalConflict, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/**
 * Opens this device's database. Schema changes add a new version(); a shipped
 * version is never edited.
 */
export function openLookforDb(name = 'lookfor'): LookforDb {
  const db = new Dexie(name) as LookforDb;
  db.version(1).stores({
    records: '[entity+id], entity, updatedAt',
    outbox: '++seq, &mutationId, [entity+entityId], state',
    conflicts: '&id, [entity+entityId], resolved',
    meta: '&key',
  });
  // Version 2 adds indexes only (IndexedDB builds them from the stored rows; no
  // upgrade function, nothing copied). Nested key paths index observations by
  // start time, alone and within a school, a round or a protocol; a record
  // without one of the fields (a round, a protocol) is simply not in that index.
  db.version(2).stores({
    records: [
      '[entity+id]',
      'entity',
      'updatedAt',
      '[entity+data.startedAt]',
      '[entity+data.schoolId+data.startedAt]',
      '[entity+data.roundId+data.startedAt]',
      '[entity+data.protocolId+data.startedAt]',
    ].join(', '),
  });
  // Version 3 adds the photos table (blobs beside the records that list them).
  db.version(3).stores({ photos: '&hash, uploaded' });
  return db;
}

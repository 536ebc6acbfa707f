import type * as z from 'zod/mini';
import type { Entity } from '../../shared/entity-names';
import type { FieldIssue } from '../../shared/errors';
import type { LocalRecord, LookforDb } from './db';
import { deleteRecord, writeRecord, type WriteOptions } from './write-record';

/** What the device knows of one record's way to the server. */
export interface SyncFacts {
  /** Changes the server has not acknowledged yet. */
  waiting: boolean;
  /** Why the server refused the last change, when it did. */
  rejections: FieldIssue[];
}

/**
 * The shared behaviour of every synced record on this device: read and checked
 * against its schema (a record this version cannot read is left out, never cast),
 * written with its outbox row in one transaction, edited inside one transaction
 * so two taps never overwrite each other, and deleted as a tombstone.
 */
export interface RecordStore<T> {
  readonly entity: Entity;
  /** The record, or null when absent, deleted or unreadable. */
  get(db: LookforDb, id: string): Promise<T | null>;
  /** Every live record of the entity this device can read. */
  list(db: LookforDb): Promise<T[]>;
  /** Checks and saves a whole record; invalid data never reaches storage. */
  put(db: LookforDb, record: T, options: WriteOptions): Promise<T>;
  /** Applies `change` to the stored copy inside one transaction and saves the result. */
  update(db: LookforDb, id: string, change: (current: T) => T, now: Date): Promise<T>;
  /** Deletes the record: a tombstone and a `delete` in the outbox. */
  remove(db: LookforDb, id: string, now: Date): Promise<void>;
  /** Outbox facts of one record, for a "waiting" badge or a refusal message. */
  syncFacts(db: LookforDb, id: string): Promise<SyncFacts>;
}

export interface RecordStoreOptions<T> {
  /** The record's key on the device and the server. */
  keyOf: (record: T) => string;
  /** What the user reads when an edit finds no stored copy ("This visit is not on this device"). */
  missing: string;
}

export function recordStore<T>(
  entity: Entity,
  schema: z.ZodMiniType<T>,
  options: RecordStoreOptions<T>,
): RecordStore<T> {
  const readable = (record: LocalRecord | undefined): T | null => {
    if (!record || record.deleted === 1) return null;
    const parsed = schema.safeParse(record.data);
    return parsed.success ? parsed.data : null;
  };
  const stored = async (db: LookforDb, id: string) => {
    const record = await db.records.get([entity, id]);
    if (!record) throw new Error(options.missing);
    return record;
  };

  return {
    entity,
    get: async (db, id) => readable(await db.records.get([entity, id])),
    list: async (db) => {
      const rows = await db.records.where('entity').equals(entity).toArray();
      return rows.flatMap((row) => {
        const record = readable(row);
        return record === null ? [] : [record];
      });
    },
    put: async (db, record, writeOptions) => {
      const valid = schema.parse(record);
      await writeRecord(db, entity, options.keyOf(valid), valid, writeOptions);
      return valid;
    },
    update: (db, id, change, now) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const record = await stored(db, id);
        const next = schema.parse(change(schema.parse(record.data)));
        await writeRecord(db, entity, id, next, { now, existing: record });
        return next;
      }),
    remove: (db, id, now) =>
      db.transaction('rw', db.records, db.outbox, async () => {
        const record = await stored(db, id);
        if (record.deleted === 1) return;
        await deleteRecord(db, entity, id, { now, existing: record });
      }),
    syncFacts: async (db, id) => {
      const rows = await db.outbox.where('[entity+entityId]').equals([entity, id]).toArray();
      return {
        waiting: rows.some((r) => r.state !== 'rejected'),
        rejections: rows.flatMap((r) => (r.state === 'rejected' ? (r.errors ?? []) : [])),
      };
    },
  };
}

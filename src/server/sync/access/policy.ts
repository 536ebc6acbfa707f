import type { FieldIssue } from '../../../shared/errors';
import type { Protocol } from '../../../shared/protocol';
import type { Mutation } from '../../../shared/sync';
import type { AuditEntry } from '../../audit/repository';
import type { StoredRecord } from '../repository';
import type { Actor } from './actor';
import type { Placement } from './placement';

/**
 * What a policy may read while a push is decided: the batch's own writes first,
 * then the database as it was, each looked up once per push.
 */
export interface PushReads {
  record(entity: string, entityId: string): Promise<StoredRecord | null>;
  protocolVersion(id: string, version: number): Promise<Protocol | undefined>;
  schoolExists(id: string): Promise<boolean>;
  roleInSchool(schoolId: string, userId: string): Promise<string | null>;
  /** On the school's staff and not deactivated. */
  activeInSchool(schoolId: string, userId: string): Promise<boolean>;
}

/**
 * What a policy may write besides the record itself. Writes are kept in memory with
 * the mutation that caused them and reach the database together with the batch; a
 * mutation that is refused or fails leaves none of them behind.
 */
export interface PushWrites extends PushReads {
  /** The record, locked until commit, for a derived record the server reads and rewrites. */
  recordForUpdate(entity: string, entityId: string): Promise<StoredRecord | null>;
  /** Writes a record the server derives from another (a round's progress, a shared note). */
  writeDerived(
    entity: string,
    entityId: string,
    data: unknown,
    stamp: string,
    placement: Placement,
  ): Promise<void>;
  audit(entry: AuditEntry): void;
}

interface WriteContext {
  reads: PushReads;
  actor: Actor;
  mutation: Mutation;
  /** The stored record, deleted or not; null when the server has never seen it. */
  current: StoredRecord | null;
}

/** A put carries the data as the entity check validated it; a delete carries none. */
export type WriteRequest<T> = WriteContext &
  ({ op: 'put'; data: T } | { op: 'delete'; data: null });

/**
 * A policy's answer: refuse with reasons, or store `data` (which a policy may
 * merge with the stored version) with this placement.
 */
export type WriteDecision<T> =
  | {
      ok: true;
      /** Null for a delete. */
      data: T | null;
      placement: Placement;
      /**
       * `data` was merged onto the stored version field by field, so a stale
       * baseRev is no conflict: several people write one record (a visit).
       */
      merged?: boolean;
    }
  | { ok: false; errors: FieldIssue[] };

export interface AppliedWrite<T> {
  /** Who made the change. */
  actor: Actor;
  entityId: string;
  /** The data stored before this write; null for a new or deleted record. */
  previous: unknown;
  /** The data as the policy decided it; null when `deleted`. */
  data: T | null;
  deleted: boolean;
  placement: Placement;
  stamp: string;
}

/**
 * How one entity is authorized, placed, and what the server derives from it. `T` is
 * the entity's data type from the registry in `src/shared/entities`.
 */
export interface EntityPolicy<T> {
  decide(request: WriteRequest<T>): Promise<WriteDecision<T>>;
  /**
   * Writes what the server derives from this write (records, audit entries), with
   * the write: kept or dropped together with it.
   */
  derive?(tx: PushWrites, write: AppliedWrite<T>): Promise<void>;
}

import type { FieldIssue } from '../../../shared/errors';
import type { Mutation } from '../../../shared/sync';
import type { Queryable, StoredRecord } from '../repository';
import type { Actor } from './actor';
import type { Placement } from './placement';

export interface WriteRequest {
  db: Queryable;
  actor: Actor;
  mutation: Mutation;
  /** The stored record, deleted or not; null when the server has never seen it. */
  current: StoredRecord | null;
  /** For a put, the data as the entity check validated it; null for a delete. */
  data: unknown;
}

/**
 * A policy's answer: refuse with reasons, or store `data` (which a policy may
 * merge with the stored version) with this placement.
 */
export type WriteDecision =
  | {
      ok: true;
      data: unknown;
      placement: Placement;
      /**
       * `data` was merged onto the stored version field by field, so a stale
       * baseRev is no conflict: several people write one record (a visit).
       */
      merged?: boolean;
    }
  | { ok: false; errors: FieldIssue[] };

export interface AppliedWrite {
  /** Who made the change. */
  actor: Actor;
  entityId: string;
  /** The data stored before this write; null for a new or deleted record. */
  previous: unknown;
  data: unknown;
  deleted: boolean;
  placement: Placement;
  stamp: string;
}

/** How one entity is authorized, placed, and what the server derives from it. */
export interface EntityPolicy {
  decide(request: WriteRequest): Promise<WriteDecision>;
  /**
   * Writes what the server derives from this write (records, audit entries), in the
   * same savepoint: it is kept or rolled back together with the write.
   */
  derive?(db: Queryable, write: AppliedWrite): Promise<void>;
}

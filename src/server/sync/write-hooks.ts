import type { EntityData } from '../../shared/entities';
import type { Entity } from '../../shared/entity-names';
import type { ErrorCode, FieldIssue } from '../../shared/errors';
import type { Mutation } from '../../shared/sync';
import type { Queryable } from '../db/queryable';
import type { Actor } from './access/actor';
import type { StoredRecord } from './repository';
import type { AppliedWrite, PushReads } from './access/policy';

/**
 * What another feature writes with every kept write of one entity, in the push's
 * own transaction (the dashboard's facts of an observation). Hooks are registered
 * when the app is assembled, so sync never imports the features that listen to it.
 */
export interface AfterWriteHook<E extends Entity> {
  readonly entity: E;
  /** Starts one push (or one savepoint of a push applied one mutation at a time). */
  begin(): AfterWriteRun<E>;
}

export interface AfterWriteRun<E extends Entity> {
  /**
   * Works out what one applied write leaves, reading through the push. Returns what
   * to do if the mutation is kept (a refused mutation's is dropped), or null.
   */
  stage(reads: PushReads, write: AppliedWrite<EntityData<E>>): Promise<(() => void) | null>;
  /** Writes what the kept writes staged, in the push's transaction, before its records. */
  flush(db: Queryable): Promise<void>;
}

/** The hooks of each entity, as the app registers them. */
export type WriteHooks = { readonly [E in Entity]?: readonly AfterWriteHook<E>[] };

type Runs = { [E in Entity]: AfterWriteRun<E>[] };

/** One push's hook runs, one per registered hook. */
export class HookRuns {
  private readonly runs: Runs;

  constructor(hooks: WriteHooks) {
    const start = <E extends Entity>(entity: E): AfterWriteRun<E>[] =>
      (hooks[entity] ?? []).map((hook) => hook.begin());
    // Every entity is listed: the mapped type names any one a new entity leaves out.
    this.runs = {
      observation: start('observation'),
      protocol: start('protocol'),
      round: start('round'),
      'round-progress': start('round-progress'),
      visit: start('visit'),
      'visit-note': start('visit-note'),
      'shared-note': start('shared-note'),
      reflection: start('reflection'),
    };
  }

  /** Stages every hook of the write's entity; returns what to do when the mutation is kept. */
  async stage<E extends Entity>(
    entity: E,
    reads: PushReads,
    write: AppliedWrite<EntityData<E>>,
  ): Promise<Array<() => void>> {
    const kept: Array<() => void> = [];
    const runs: AfterWriteRun<E>[] = this.runs[entity];
    for (const run of runs) {
      const keep = await run.stage(reads, write);
      if (keep) kept.push(keep);
    }
    return kept;
  }

  async flush(db: Queryable): Promise<void> {
    for (const runs of Object.values(this.runs)) {
      for (const run of runs) await run.flush(db);
    }
  }
}

/**
 * A check another feature makes before a mutation is decided (photos: every photo a
 * record names must be on the server). A refusal carries a code and is not kept as
 * the mutation's answer: the device puts things right and sends the same mutation
 * again.
 */
export type PushCheck = (
  db: Queryable,
  actor: Actor,
  mutation: Mutation,
  /** The stored record, read only when the check needs it (most mutations name no photo). */
  current: () => Promise<StoredRecord | null>,
) => Promise<CheckRefusal | null>;

export interface CheckRefusal {
  status: 'rejected';
  code: ErrorCode;
  errors: FieldIssue[];
}

/** A record as a push writes it, derived records included. */
export interface WrittenRecord {
  record: { entity: string; entityId: string; deleted: boolean; data: unknown };
  updatedAt: string;
}

/**
 * What another feature keeps in step with every record a push writes (photos: which
 * records name which photo), in the push's transaction.
 */
export type RecordsWrittenHook = (db: Queryable, written: Iterable<WrittenRecord>) => Promise<void>;

/** Everything other features hang on the push, registered when the app is assembled. */
export interface PushFeatures {
  checks: readonly PushCheck[];
  recordsWritten: readonly RecordsWrittenHook[];
}

export const noPushFeatures: PushFeatures = { checks: [], recordsWritten: [] };

import type { EntityData } from '../../../shared/entities';
import type { Entity } from '../../../shared/entity-names';
import type { Protocol } from '../../../shared/protocol';
import type { AuditEntry } from '../../audit/repository';
import type { AppliedWrite, PushWrites } from '../access/policy';
import type { Placement } from '../access/placement';
import { findConflictsOf, recordKeyOf, type ConflictWrite, type StoredRecord } from '../repository';
import type { StoreCache } from './store-cache';
import { ProtocolCache } from './store-cache';
import { HookRuns, noPushFeatures, type PushFeatures, type WriteHooks } from '../write-hooks';

/** A place in the batch's share of the server sequence, numbered when its mutation is kept. */
export interface Ticket {
  n: number;
}

/** A record as the batch will leave it; its number comes from its ticket at the end. */
export interface PendingRecord {
  record: StoredRecord;
  updatedAt: string;
  updatedBy: string;
  ticket: Ticket;
  /** The data as JSON when the decision already made it (it is stored as text). */
  json?: string | null;
}

export interface PendingResolve {
  id: string;
  resolvedAt: string;
  ticket: Ticket;
}

export type PendingConflict = Omit<ConflictWrite, 'serverSeq'> & { ticket: Ticket };

/** Everything one mutation writes, kept apart until the mutation is known to be kept. */
export interface StagedWrites {
  records: Map<string, PendingRecord>;
  conflicts: PendingConflict[];
  resolves: PendingResolve[];
  audits: AuditEntry[];
  /** What the write hooks do when the mutation is kept. */
  kept: Array<() => void>;
  tickets: Ticket[];
}

const emptyWrites = (): StagedWrites => ({
  records: new Map(),
  conflicts: [],
  resolves: [],
  audits: [],
  kept: [],
  tickets: [],
});

/**
 * The state of one push held in memory: the database as it was (read once), and on
 * top of it the writes of every mutation kept so far. The writes reach the database
 * in a few multi-row statements when the batch is flushed.
 */
export class PushBatch {
  readonly store: StoreCache;
  readonly writes = emptyWrites();
  private readonly protocols = new ProtocolCache();
  private tickets = 0;
  /** The write hooks of this push (the dashboard's facts), flushed with it. */
  readonly hooks: HookRuns;

  /** Other features' listeners to every record this push writes (photo references). */
  readonly recordsWritten: PushFeatures['recordsWritten'];

  constructor(store: StoreCache, hooks: WriteHooks, features: PushFeatures = noPushFeatures) {
    this.store = store;
    this.hooks = new HookRuns(hooks);
    this.recordsWritten = features.recordsWritten;
  }

  get ticketCount(): number {
    return this.tickets;
  }

  async record(entity: string, entityId: string): Promise<StoredRecord | null> {
    const pending = this.writes.records.get(recordKeyOf(entity, entityId));
    return pending ? pending.record : this.store.stored(entity, entityId);
  }

  async recordForUpdate(entity: string, entityId: string): Promise<StoredRecord | null> {
    const pending = this.writes.records.get(recordKeyOf(entity, entityId));
    return pending ? pending.record : this.store.storedForUpdate(entity, entityId);
  }

  protocolVersion(
    id: string,
    version: number,
    read: (entity: string, entityId: string) => Promise<StoredRecord | null>,
  ): Promise<Protocol | undefined> {
    return this.protocols.find(id, version, read);
  }

  /**
   * Conflict siblings of a record among `ids`, stored ones and this batch's: those still
   * open, and those already settled (by an earlier push, or earlier in this batch).
   */
  async conflictIdsOf(
    entity: string,
    entityId: string,
    ids: readonly string[],
  ): Promise<{ open: string[]; settled: string[] }> {
    if (ids.length === 0) return { open: [], settled: [] };
    const stored = await findConflictsOf(this.store.db, entity, entityId, ids);
    const settledHere = new Set(this.writes.resolves.map((r) => r.id));
    const staged = this.writes.conflicts
      .filter((c) => c.entity === entity && c.entityId === entityId && ids.includes(c.id))
      .map((c) => ({ id: c.id, open: true }));
    const open: string[] = [];
    const settled: string[] = [];
    for (const c of [...stored, ...staged]) {
      if (open.includes(c.id) || settled.includes(c.id)) continue;
      (c.open && !settledHere.has(c.id) ? open : settled).push(c.id);
    }
    return { open, settled };
  }

  /** A mutation's writes are kept: they join the batch and take their sequence numbers. */
  absorb(staged: StagedWrites): void {
    for (const ticket of staged.tickets) ticket.n = this.tickets++;
    for (const [key, pending] of staged.records) this.writes.records.set(key, pending);
    this.writes.conflicts.push(...staged.conflicts);
    this.writes.resolves.push(...staged.resolves);
    this.writes.audits.push(...staged.audits);
    for (const keep of staged.kept) keep();
  }

  stage(): MutationStage {
    return new MutationStage(this);
  }
}

/** One mutation's view: its own writes over the batch's. Dropped if the mutation is refused. */
export class MutationStage implements PushWrites {
  readonly writes = emptyWrites();

  constructor(private readonly batch: PushBatch) {}

  ticket(): Ticket {
    const ticket = { n: -1 };
    this.writes.tickets.push(ticket);
    return ticket;
  }

  async record(entity: string, entityId: string): Promise<StoredRecord | null> {
    const own = this.writes.records.get(recordKeyOf(entity, entityId));
    return own ? own.record : this.batch.record(entity, entityId);
  }

  async recordForUpdate(entity: string, entityId: string): Promise<StoredRecord | null> {
    const own = this.writes.records.get(recordKeyOf(entity, entityId));
    return own ? own.record : this.batch.recordForUpdate(entity, entityId);
  }

  protocolVersion(id: string, version: number): Promise<Protocol | undefined> {
    return this.batch.protocolVersion(id, version, (e, i) => this.record(e, i));
  }

  schoolExists(id: string): Promise<boolean> {
    return this.batch.store.schoolExists(id);
  }

  roleInSchool(schoolId: string, userId: string): Promise<string | null> {
    return this.batch.store.roleInSchool(schoolId, userId);
  }

  activeInSchool(schoolId: string, userId: string): Promise<boolean> {
    return this.batch.store.activeInSchool(schoolId, userId);
  }

  conflictIdsOf(entity: string, entityId: string, ids: readonly string[]) {
    return this.batch.conflictIdsOf(entity, entityId, ids);
  }

  /** Stages the record as this mutation leaves it. */
  put(
    record: Omit<StoredRecord, 'serverSeq'>,
    updatedAt: string,
    updatedBy: string,
    json?: string | null,
  ): Ticket {
    const ticket = this.ticket();
    this.writes.records.set(recordKeyOf(record.entity, record.entityId), {
      record: { ...record, serverSeq: 0 },
      updatedAt,
      updatedBy,
      ticket,
      ...(json !== undefined ? { json } : {}),
    });
    return ticket;
  }

  async writeDerived(
    entity: string,
    entityId: string,
    data: unknown,
    stamp: string,
    placement: Placement,
  ): Promise<void> {
    const current = await this.recordForUpdate(entity, entityId);
    this.put(
      {
        entity,
        entityId,
        rev: (current?.rev ?? 0) + 1,
        deleted: data === null,
        data,
        ...placement,
      },
      stamp,
      'server',
    );
  }

  audit(entry: AuditEntry): void {
    this.writes.audits.push(entry);
  }

  /** Stages what the entity's write hooks write with this applied write. */
  async afterWrite<E extends Entity>(entity: E, write: AppliedWrite<EntityData<E>>): Promise<void> {
    this.writes.kept.push(...(await this.batch.hooks.stage(entity, this, write)));
  }
}

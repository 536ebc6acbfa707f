import { findBuiltinProtocol } from '../../../shared/builtin-protocols';
import { parseStoredProtocol, protocolKey, type Protocol } from '../../../shared/protocol';
import { isPostgres } from '../../db/dialect';
import { findRecords, recordKeyOf, type RecordKey, type StoredRecord } from '../repository';
import type { Queryable } from '../../db/queryable';

/**
 * What one push reads from the database, each thing once: the records it writes
 * (read together, and locked on PostgreSQL), the records its checks look up, the
 * schools and staff lists its policies ask about, and parsed protocol versions.
 */
export class StoreCache {
  private readonly records = new Map<string, StoredRecord | null>();
  private readonly locked = new Set<string>();
  private readonly schools = new Map<string, boolean>();
  private readonly staff = new Map<string, Map<string, { role: string; active: boolean }>>();
  private readonly lock: boolean;

  constructor(readonly db: Queryable) {
    this.lock = isPostgres(db);
  }

  /** Reads the records a batch writes in one query per entity, locking them until commit. */
  async preload(keys: readonly RecordKey[]): Promise<void> {
    const wanted = keys.filter((k) => !this.locked.has(recordKeyOf(k.entity, k.entityId)));
    if (wanted.length === 0) return;
    const found = await findRecords(this.db, wanted, this.lock);
    for (const k of wanted) {
      const key = recordKeyOf(k.entity, k.entityId);
      this.records.set(key, found.get(key) ?? null);
      this.locked.add(key);
    }
  }

  /** The record as stored before this push. */
  async stored(entity: string, entityId: string): Promise<StoredRecord | null> {
    const key = recordKeyOf(entity, entityId);
    if (!this.records.has(key)) {
      const found = await findRecords(this.db, [{ entity, entityId }], false);
      this.records.set(key, found.get(key) ?? null);
    }
    return this.records.get(key) ?? null;
  }

  /** The record as stored, locked until commit: for a record this push is about to write. */
  async storedForUpdate(entity: string, entityId: string): Promise<StoredRecord | null> {
    await this.preload([{ entity, entityId }]);
    return this.records.get(recordKeyOf(entity, entityId)) ?? null;
  }

  /** Whether the database held this record before the push (its write is then an update). */
  existed(entity: string, entityId: string): boolean {
    return (this.records.get(recordKeyOf(entity, entityId)) ?? null) !== null;
  }

  async schoolExists(id: string): Promise<boolean> {
    let known = this.schools.get(id);
    if (known === undefined) {
      const row = await this.db
        .selectFrom('schools')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      known = row !== undefined;
      this.schools.set(id, known);
    }
    return known;
  }

  /** A school's staff: each member's role and whether they may still sign in; read once per push. */
  private async staffOf(schoolId: string) {
    let staff = this.staff.get(schoolId);
    if (!staff) {
      const rows = await this.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.user_id', 'memberships.role', 'users.deactivated_at'])
        .where('memberships.school_id', '=', schoolId)
        .execute();
      staff = new Map(
        rows.map((r) => [r.user_id, { role: r.role, active: r.deactivated_at === null }]),
      );
      this.staff.set(schoolId, staff);
    }
    return staff;
  }

  /** A user's role in a school (deactivated or not). */
  async roleInSchool(schoolId: string, userId: string): Promise<string | null> {
    return (await this.staffOf(schoolId)).get(userId)?.role ?? null;
  }

  /** Whether a user is on a school's staff and not deactivated. */
  async activeInSchool(schoolId: string, userId: string): Promise<boolean> {
    return (await this.staffOf(schoolId)).get(userId)?.active === true;
  }
}

/** Parsed protocol versions, kept while the record they came from is the same object. */
export class ProtocolCache {
  private readonly parsed = new Map<string, { source: StoredRecord | null; protocol?: Protocol }>();

  async find(
    id: string,
    version: number,
    read: (entity: string, entityId: string) => Promise<StoredRecord | null>,
  ): Promise<Protocol | undefined> {
    const builtin = findBuiltinProtocol(id, version);
    if (builtin) return builtin;
    const key = protocolKey(id, version);
    const source = await read('protocol', key);
    const cached = this.parsed.get(key);
    if (cached && cached.source === source) return cached.protocol;
    const protocol = source && !source.deleted ? parseStoredProtocol(source.data) : undefined;
    this.parsed.set(key, protocol ? { source, protocol } : { source });
    return protocol;
  }
}

import { chunks } from '../db/chunks';
import { insertRows, replaceOnConflict } from '../db/insert-rows';
import type { Queryable } from '../db/queryable';
import type { Database } from '../db/schema';
import type { Actor } from './access/actor';
import { audiences, type Audience, type Placement } from './access/placement';
import { readableBy } from './access/viewer';

export interface StoredRecord {
  entity: string;
  entityId: string;
  rev: number;
  deleted: boolean;
  data: unknown;
  serverSeq: number;
  ownerId: string | null;
  schoolId: string | null;
  audience: Audience;
  readerId: string | null;
}

export interface StoredConflict {
  id: string;
  entity: string;
  entityId: string;
  baseRev: number | null;
  data: unknown;
  createdAt: string;
  resolved: boolean;
  serverSeq: number;
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * Takes the next number of the server sequence. The counter row is updated inside
 * the writing transaction, so numbers follow commit order on PostgreSQL too: a
 * second writer waits on the row lock until the first commits.
 */
export async function nextServerSeq(db: Queryable): Promise<number> {
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'server_seq')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * Takes `count` numbers of the server sequence in one statement and returns the
 * first. A push calls it once, after everything that needs no number is written and
 * just before the rows that carry one: on PostgreSQL the counter row stays locked
 * only for those last statements, so pushes from every server process overlap.
 */
export async function takeServerSeqs(db: Queryable, count: number): Promise<number> {
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'server_seq')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

export async function currentServerSeq(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'server_seq')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The stored results of those mutation ids that the server has seen, by id. */
export async function findMutationResults(
  db: Queryable,
  mutationIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const ids of chunks(mutationIds, 500)) {
    const rows = await db
      .selectFrom('mutations')
      .select(['mutation_id', 'result'])
      .where('mutation_id', 'in', ids)
      .execute();
    for (const row of rows) found.set(row.mutation_id, row.result);
  }
  return found;
}

export interface MutationRow {
  mutationId: string;
  clientId: string;
  clientSeq: number;
  entity: string;
  entityId: string;
  status: string;
  result: unknown;
  payload: unknown;
  receivedAt: string;
}

const MUTATION_COLUMNS = [
  'mutation_id',
  'client_id',
  'client_seq',
  'entity',
  'entity_id',
  'status',
  'result',
  'payload',
  'received_at',
] as const;

export async function insertMutations(db: Queryable, rows: readonly MutationRow[]): Promise<void> {
  await insertRows(
    db,
    'mutations',
    MUTATION_COLUMNS,
    rows.map((row) => [
      row.mutationId,
      row.clientId,
      row.clientSeq,
      row.entity,
      row.entityId,
      row.status,
      JSON.stringify(row.result),
      row.payload === undefined || row.payload === null ? null : JSON.stringify(row.payload),
      row.receivedAt,
    ]),
  );
}

export async function findRecord(
  db: Queryable,
  entity: string,
  entityId: string,
): Promise<StoredRecord | null> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export interface RecordKey {
  entity: string;
  entityId: string;
}

export const recordKeyOf = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

/**
 * The stored records among `keys`, by `recordKeyOf`. With `lock` (PostgreSQL) the
 * rows stay locked to the end of the transaction, so two pushes writing the same
 * record take turns and the second sees the first's revision: a stale edit becomes
 * a conflict, never a silent overwrite.
 */
export async function findRecords(
  db: Queryable,
  keys: readonly RecordKey[],
  lock: boolean,
): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  const byEntity = new Map<string, string[]>();
  for (const k of keys) byEntity.set(k.entity, [...(byEntity.get(k.entity) ?? []), k.entityId]);
  for (const [entity, ids] of [...byEntity].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const part of chunks([...new Set(ids)].sort(), 500)) {
      let query = db
        .selectFrom('records')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_id', 'in', part)
        .orderBy('entity_id');
      if (lock) query = query.forUpdate();
      for (const row of await query.execute()) {
        found.set(recordKeyOf(row.entity, row.entity_id), toRecord(row));
      }
    }
  }
  return found;
}

export interface RecordWrite extends Placement {
  entity: string;
  entityId: string;
  rev: number;
  deleted: boolean;
  data: unknown;
  serverSeq: number;
  updatedAt: string;
  updatedBy: string;
}

export async function writeRecord(
  db: Queryable,
  write: RecordWrite,
  exists: boolean,
): Promise<void> {
  const values = {
    rev: write.rev,
    deleted: write.deleted ? 1 : 0,
    data: write.data === null ? null : JSON.stringify(write.data),
    server_seq: write.serverSeq,
    updated_at: write.updatedAt,
    updated_by: write.updatedBy,
    ...placementColumns(write),
  };
  if (exists) {
    await db
      .updateTable('records')
      .set(values)
      .where('entity', '=', write.entity)
      .where('entity_id', '=', write.entityId)
      .execute();
  } else {
    await db
      .insertInto('records')
      .values({ entity: write.entity, entity_id: write.entityId, ...values })
      .execute();
  }
}

/** The columns of its multi-row insert, in order (the benchmark's seed writes the same). */
export const RECORD_COLUMNS = [
  'entity',
  'entity_id',
  'rev',
  'deleted',
  'data',
  'server_seq',
  'updated_at',
  'updated_by',
  'owner_id',
  'school_id',
  'audience',
  'reader_id',
] as const;

const recordRow = (w: RecordWrite, json?: string | null) => [
  w.entity,
  w.entityId,
  w.rev,
  w.deleted ? 1 : 0,
  json !== undefined ? json : w.data === null ? null : JSON.stringify(w.data),
  w.serverSeq,
  w.updatedAt,
  w.updatedBy,
  w.ownerId,
  w.schoolId,
  w.audience,
  w.readerId,
];

const REPLACE_RECORD = replaceOnConflict(['entity', 'entity_id'], RECORD_COLUMNS.slice(2));

/**
 * Writes many records in a few statements: new ones with a plain insert (two pushes
 * creating the same record cannot both succeed), stored ones with an upsert that
 * lands on the row the push has locked.
 */
export async function writeRecords(
  db: Queryable,
  writes: readonly { write: RecordWrite; exists: boolean; json?: string | null }[],
): Promise<void> {
  const fresh = writes.filter((w) => !w.exists).map((w) => recordRow(w.write, w.json));
  const stored = writes.filter((w) => w.exists).map((w) => recordRow(w.write, w.json));
  await insertRows(db, 'records', RECORD_COLUMNS, fresh);
  await insertRows(db, 'records', RECORD_COLUMNS, stored, REPLACE_RECORD);
}

const placementColumns = (p: Placement) => ({
  owner_id: p.ownerId,
  school_id: p.schoolId,
  audience: p.audience,
  reader_id: p.readerId,
});

export interface ConflictWrite {
  id: string;
  entity: string;
  entityId: string;
  baseRev: number | null;
  data: unknown;
  deleted: boolean;
  mutationId: string;
  clientId: string;
  createdAt: string;
  serverSeq: number;
  placement: Placement;
}

export async function insertConflicts(
  db: Queryable,
  writes: readonly ConflictWrite[],
): Promise<void> {
  for (const part of chunks(writes, 500)) {
    await db
      .insertInto('conflicts')
      .values(
        part.map((write) => ({
          id: write.id,
          entity: write.entity,
          entity_id: write.entityId,
          base_rev: write.baseRev,
          data: write.data === null ? null : JSON.stringify(write.data),
          deleted: write.deleted ? 1 : 0,
          mutation_id: write.mutationId,
          client_id: write.clientId,
          created_at: write.createdAt,
          resolved_at: null,
          server_seq: write.serverSeq,
          ...placementColumns(write.placement),
        })),
      )
      .execute();
  }
}

/** Conflict siblings of a record among `ids`, open or settled. */
export async function findConflictsOf(
  db: Queryable,
  entity: string,
  entityId: string,
  ids: readonly string[],
): Promise<Array<{ id: string; open: boolean }>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('conflicts')
    .select(['id', 'resolved_at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, open: r.resolved_at === null }));
}

export async function resolveConflict(
  db: Queryable,
  id: string,
  resolvedAt: string,
  serverSeq: number,
): Promise<void> {
  await db
    .updateTable('conflicts')
    .set({ resolved_at: resolvedAt, server_seq: serverSeq })
    .where('id', '=', id)
    .execute();
}

export async function recordsAfter(
  db: Queryable,
  cursor: number,
  limit: number,
  viewer: Actor,
  skipWrittenBy?: string,
): Promise<StoredRecord[]> {
  let query = db
    .selectFrom('records')
    .selectAll()
    .where('server_seq', '>', cursor)
    .where(readableBy(viewer));
  if (skipWrittenBy !== undefined) query = query.where('updated_by', '<>', skipWrittenBy);
  const rows = await query.orderBy('server_seq').limit(limit).execute();
  return rows.map(toRecord);
}

/** The newest live records a user may read, newest first. */
export async function newestRecords(
  db: Queryable,
  limit: number,
  viewer: Actor,
): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('deleted', '=', 0)
    .where(readableBy(viewer))
    .orderBy('server_seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function conflictsAfter(
  db: Queryable,
  cursor: number,
  limit: number,
  viewer: Actor,
): Promise<StoredConflict[]> {
  const rows = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('server_seq', '>', cursor)
    .where(readableBy(viewer))
    .orderBy('server_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    baseRev: row.base_rev === null ? null : Number(row.base_rev),
    data: parseJson(row.data),
    createdAt: row.created_at,
    resolved: row.resolved_at !== null,
    serverSeq: Number(row.server_seq),
  }));
}

function toRecord(row: Database['records']): StoredRecord {
  return {
    entity: row.entity,
    entityId: row.entity_id,
    rev: Number(row.rev),
    deleted: Number(row.deleted) === 1,
    data: parseJson(row.data),
    serverSeq: Number(row.server_seq),
    ownerId: row.owner_id,
    schoolId: row.school_id,
    audience: audiences.find((a) => a === row.audience) ?? 'owner',
    readerId: row.reader_id,
  };
}

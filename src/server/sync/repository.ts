import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from './access/actor';
import { audiences, type Audience, type Placement } from './access/placement';
import { readableBy } from './access/viewer';

/** Anything that can run a query: the database, a transaction or a savepoint. */
export type Queryable = Kysely<Database> | Transaction<Database>;

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

export async function currentServerSeq(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'server_seq')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function findMutationResult(
  db: Queryable,
  mutationId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('mutations')
    .select('result')
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  return row?.result ?? null;
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

export async function insertMutation(db: Queryable, row: MutationRow): Promise<void> {
  await db
    .insertInto('mutations')
    .values({
      mutation_id: row.mutationId,
      client_id: row.clientId,
      client_seq: row.clientSeq,
      entity: row.entity,
      entity_id: row.entityId,
      status: row.status,
      result: JSON.stringify(row.result),
      payload: row.payload === undefined ? null : JSON.stringify(row.payload),
      received_at: row.receivedAt,
    })
    .execute();
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

const placementColumns = (p: Placement) => ({
  owner_id: p.ownerId,
  school_id: p.schoolId,
  audience: p.audience,
  reader_id: p.readerId,
});

/** Writes a record the server derives from another (a round's progress, a shared note). */
export async function writeDerived(
  db: Queryable,
  entity: string,
  entityId: string,
  data: unknown,
  stamp: string,
  placement: Placement,
): Promise<void> {
  const current = await findRecord(db, entity, entityId);
  await writeRecord(
    db,
    {
      entity,
      entityId,
      rev: (current?.rev ?? 0) + 1,
      deleted: data === null,
      data,
      serverSeq: await nextServerSeq(db),
      updatedAt: stamp,
      updatedBy: 'server',
      ...placement,
    },
    current !== null,
  );
}

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

export async function insertConflict(db: Queryable, write: ConflictWrite): Promise<void> {
  await db
    .insertInto('conflicts')
    .values({
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
    })
    .execute();
}

/** Open conflict ids among `ids` that belong to this record. */
export async function findOpenConflictIds(
  db: Queryable,
  entity: string,
  entityId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('conflicts')
    .select('id')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('id', 'in', [...ids])
    .where('resolved_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
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
): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('server_seq', '>', cursor)
    .where(readableBy(viewer))
    .orderBy('server_seq')
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

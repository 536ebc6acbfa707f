import { randomUUID } from 'node:crypto';
import type { ControlledTransaction, Kysely } from 'kysely';
import { checkEntity, deleteProblems } from '../../shared/entities';
import type { FieldIssue } from '../../shared/errors';
import {
  OriginalResult,
  type Mutation,
  type PushRequest,
  type PushResult,
} from '../../shared/sync';
import type { Database } from '../db/schema';
import { findProtocolVersion } from './protocol-versions';
import type { Actor } from './access/actor';
import { policies } from './access/policies';
import {
  findMutationResult,
  findOpenConflictIds,
  findRecord,
  insertConflict,
  insertMutation,
  nextServerSeq,
  resolveConflict,
  writeRecord,
  type Queryable,
} from './repository';

export interface PushContext {
  now: () => Date;
  actor: Actor;
  log?: (message: string, error: unknown) => void;
}

/**
 * Applies a batch in one transaction, each mutation inside its own savepoint: a
 * mutation that fails is rolled back alone, kept as rejected with its raw payload,
 * and the rest of the batch still commits.
 */
export async function applyPush(
  db: Kysely<Database>,
  request: PushRequest,
  context: PushContext,
): Promise<PushResult[]> {
  const trx = await db.startTransaction().execute();
  try {
    const results: PushResult[] = [];
    for (const [index, mutation] of request.mutations.entries()) {
      results.push(await applyInSavepoint(trx, mutation, `m${index}`, context));
    }
    await trx.commit().execute();
    return results;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

async function applyInSavepoint(
  trx: ControlledTransaction<Database>,
  mutation: Mutation,
  name: string,
  context: PushContext,
): Promise<PushResult> {
  const previous = await findMutationResult(trx, mutation.mutationId);
  if (previous !== null) {
    return {
      mutationId: mutation.mutationId,
      status: 'duplicate',
      original: OriginalResult.parse(JSON.parse(previous)),
    };
  }
  const savepoint = await trx.savepoint(name).execute();
  try {
    const result = await applyMutation(savepoint, mutation, context.now(), context.actor);
    await savepoint.releaseSavepoint(name).execute();
    return result;
  } catch (error) {
    await savepoint.rollbackToSavepoint(name).execute();
    context.log?.(`mutation ${mutation.mutationId} could not be stored`, error);
    return reject(trx, mutation, context.now(), [
      { path: '(root)', message: 'The server could not store this change; it is kept for review' },
    ]);
  }
}

async function reject(
  db: Queryable,
  mutation: Mutation,
  now: Date,
  errors: FieldIssue[],
): Promise<PushResult> {
  const result = { mutationId: mutation.mutationId, status: 'rejected' as const, errors };
  await insertMutation(db, {
    ...mutationKeys(mutation),
    status: 'rejected',
    result,
    payload: mutation,
    receivedAt: now.toISOString(),
  });
  return result;
}

async function applyMutation(
  db: Queryable,
  mutation: Mutation,
  now: Date,
  actor: Actor,
): Promise<PushResult> {
  const isDelete = mutation.op === 'delete';
  const current = await findRecord(db, mutation.entity, mutation.entityId);
  const currentData = current && !current.deleted ? current.data : null;
  let checked: unknown = null;
  if (isDelete) {
    const problems = deleteProblems(mutation.entity, currentData);
    if (problems.length > 0) return reject(db, mutation, now, problems);
  } else {
    const check = await checkEntity(mutation.entity, mutation.entityId, mutation.data, {
      findProtocol: (id, version) => findProtocolVersion(db, id, version),
      current: currentData,
    });
    if (!check.ok) return reject(db, mutation, now, check.errors);
    checked = check.data;
  }
  const policy = policies[mutation.entity];
  const decision = await policy.decide({ db, actor, mutation, current, data: checked });
  if (!decision.ok) return reject(db, mutation, now, decision.errors);
  const { data, placement } = decision;
  const resolves = mutation.resolves ?? [];
  const open = await findOpenConflictIds(db, mutation.entity, mutation.entityId, resolves);
  const unknown = resolves.filter((id) => !open.includes(id));
  if (unknown.length > 0) {
    return reject(db, mutation, now, [
      { path: 'resolves', message: `Not an open conflict of this record: ${unknown.join(', ')}` },
    ]);
  }

  const stamp = now.toISOString();
  // A record the server has never seen is accepted even with a baseRev: the
  // device's copy is the only one, and refusing it would strand the note.
  const inOrder = current === null || decision.merged === true || current.rev === mutation.baseRev;
  if (!inOrder) {
    const conflictId = randomUUID();
    const serverSeq = await nextServerSeq(db);
    await insertConflict(db, {
      id: conflictId,
      entity: mutation.entity,
      entityId: mutation.entityId,
      baseRev: mutation.baseRev,
      data,
      deleted: isDelete,
      mutationId: mutation.mutationId,
      clientId: mutation.clientId,
      createdAt: stamp,
      serverSeq,
      placement,
    });
    const result: PushResult = {
      mutationId: mutation.mutationId,
      status: 'conflict',
      conflictId,
      serverSeq,
      current: { rev: current.rev, deleted: current.deleted, data: current.data },
    };
    await insertMutation(db, {
      ...mutationKeys(mutation),
      status: 'conflict',
      result,
      payload: null,
      receivedAt: stamp,
    });
    return result;
  }

  for (const id of open) await resolveConflict(db, id, stamp, await nextServerSeq(db));
  const serverSeq = await nextServerSeq(db);
  const rev = (current?.rev ?? 0) + 1;
  await writeRecord(
    db,
    {
      entity: mutation.entity,
      entityId: mutation.entityId,
      rev,
      deleted: isDelete,
      data,
      serverSeq,
      updatedAt: stamp,
      updatedBy: mutation.clientId,
      ...placement,
    },
    current !== null,
  );
  await policy.derive?.(db, {
    actor,
    entityId: mutation.entityId,
    previous: currentData,
    data,
    deleted: isDelete,
    placement,
    stamp,
  });
  const result: PushResult = { mutationId: mutation.mutationId, status: 'applied', rev, serverSeq };
  await insertMutation(db, {
    ...mutationKeys(mutation),
    status: 'applied',
    result,
    payload: null,
    receivedAt: stamp,
  });
  return result;
}

function mutationKeys(mutation: Mutation) {
  return {
    mutationId: mutation.mutationId,
    clientId: mutation.clientId,
    clientSeq: mutation.clientSeq,
    entity: mutation.entity,
    entityId: mutation.entityId,
  };
}

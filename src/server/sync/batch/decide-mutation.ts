import { randomUUID } from 'node:crypto';
import { checkEntity, deleteProblems, type EntityData } from '../../../shared/entities';
import type { Entity } from '../../../shared/entity-names';
import type { ErrorCode, FieldIssue } from '../../../shared/errors';
import type { Mutation, RecordState } from '../../../shared/sync';
import type { Actor } from '../access/actor';
import { policies } from '../access/policies';
import type { WriteRequest } from '../access/policy';
import type { MutationStage, Ticket } from './batch';

/** What the server decided about one mutation; sequence numbers come from tickets. */
export type Outcome =
  /** `code`: a refusal by another feature's check, not kept (the device resends). */
  | { status: 'rejected'; errors: FieldIssue[]; code?: ErrorCode }
  | { status: 'applied'; rev: number; ticket: Ticket }
  | { status: 'conflict'; conflictId: string; ticket: Ticket; current: RecordState };

const rejected = (errors: FieldIssue[]): Outcome => ({ status: 'rejected', errors });

/**
 * Decides one mutation against the batch's view of the records, with the entity's
 * checks and write policy, and stages what it writes. Nothing touches the database
 * here except reads; a refused mutation's stage is simply dropped.
 */
export function decideMutation(
  stage: MutationStage,
  mutation: Mutation,
  now: Date,
  actor: Actor,
): Promise<Outcome> {
  return decideEntity(mutation.entity, stage, mutation, now, actor);
}

/** Generic in the entity, so its check's data type is the one its policy takes. */
async function decideEntity<E extends Entity>(
  entity: E,
  stage: MutationStage,
  mutation: Mutation,
  now: Date,
  actor: Actor,
): Promise<Outcome> {
  const isDelete = mutation.op === 'delete';
  const current = await stage.record(entity, mutation.entityId);
  const currentData = current && !current.deleted ? current.data : null;
  const context = { reads: stage, actor, mutation, current };
  let request: WriteRequest<EntityData<E>>;
  if (isDelete) {
    const problems = deleteProblems(entity, currentData);
    if (problems.length > 0) return rejected(problems);
    request = { ...context, op: 'delete', data: null };
  } else {
    const check = await checkEntity(entity, mutation.entityId, mutation.data, {
      findProtocol: (id, version) => stage.protocolVersion(id, version),
      current: currentData,
    });
    if (!check.ok) return rejected(check.errors);
    request = { ...context, op: 'put', data: check.data };
  }
  const policy = policies[entity];
  const decision = await policy.decide(request);
  if (!decision.ok) return rejected(decision.errors);
  const { data, placement } = decision;
  const resolves = mutation.resolves ?? [];
  // A sibling another device settled already needs no settling again: the choice is
  // judged by its baseRev like any edit (a choice made from a stale base is a conflict).
  const { open, settled } = await stage.conflictIdsOf(mutation.entity, mutation.entityId, resolves);
  const unknown = resolves.filter((id) => !open.includes(id) && !settled.includes(id));
  if (unknown.length > 0) {
    return rejected([
      { path: 'resolves', message: `Not an open conflict of this record: ${unknown.join(', ')}` },
    ]);
  }

  const stamp = now.toISOString();
  // A record the server has never seen is accepted even with a baseRev: the
  // device's copy is the only one, and refusing it would strand the note.
  // A revision the server never gave (a baseRev from the future, say after a restore
  // from backup) is a conflict for every entity, merged ones included.
  const fromTheFuture =
    current !== null && mutation.baseRev !== null && mutation.baseRev > current.rev;
  const inOrder =
    current === null ||
    (!fromTheFuture && (decision.merged === true || current.rev === mutation.baseRev));
  if (!inOrder) {
    const conflictId = randomUUID();
    const ticket = stage.ticket();
    stage.writes.conflicts.push({
      id: conflictId,
      entity: mutation.entity,
      entityId: mutation.entityId,
      baseRev: mutation.baseRev,
      data,
      deleted: isDelete,
      mutationId: mutation.mutationId,
      clientId: mutation.clientId,
      createdAt: stamp,
      placement,
      ticket,
    });
    return {
      status: 'conflict',
      conflictId,
      ticket,
      current: { rev: current.rev, deleted: current.deleted, data: current.data },
    };
  }

  for (const id of open)
    stage.writes.resolves.push({ id, resolvedAt: stamp, ticket: stage.ticket() });
  const rev = (current?.rev ?? 0) + 1;
  // A device skips pulling back what it pushed itself, so a version the server changed
  // (merged with others' fields, or normalized by the check) is marked as the server's.
  const json = data === null ? null : JSON.stringify(data);
  const verbatim = !decision.merged && json === JSON.stringify(mutation.data);
  const ticket = stage.put(
    {
      entity: mutation.entity,
      entityId: mutation.entityId,
      rev,
      deleted: isDelete,
      data,
      ...placement,
    },
    stamp,
    verbatim ? mutation.clientId : 'server',
    json,
  );
  const applied = {
    actor,
    entityId: mutation.entityId,
    previous: currentData,
    data,
    deleted: isDelete,
    placement,
    stamp,
  };
  await policy.derive?.(stage, applied);
  await stage.afterWrite(entity, applied);
  return { status: 'applied', rev, ticket };
}

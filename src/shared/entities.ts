import { findBuiltinProtocol } from './builtin-protocols';
import { issuesToFields, type FieldIssue } from './errors';
import { Observation } from './observation';
import { checkAgainstProtocol } from './observation-rules';
import type { Entity } from './entity-names';
import { parseStoredProtocol, protocolKey, protocolSchemaFor, type Protocol } from './protocol';

export { parseStoredProtocol };
import { publishProblems, transitionProblems } from './protocol-rules';
import { Round } from './rounds';
import { Reflection, Visit, VisitNote } from './visits';

export { Entity, entityNames } from './entity-names';

export interface EntityContext {
  /** A protocol version: the starter library first, then stored versions. */
  findProtocol: (id: string, version: number) => Promise<Protocol | undefined>;
  /** The stored data of the record being written, if any. */
  current: unknown;
}

export type EntityCheck = { ok: true; data: unknown } | { ok: false; errors: FieldIssue[] };

const fail = (errors: FieldIssue[]): EntityCheck => ({ ok: false, errors });

async function checkObservation(id: string, data: unknown, ctx: EntityContext) {
  const parsed = Observation.safeParse(data);
  if (!parsed.success) return fail(issuesToFields(parsed.error));
  const errors: FieldIssue[] = [];
  if (parsed.data.id !== id) {
    errors.push({ path: 'id', message: 'Does not match the entity id of the mutation' });
  }
  const protocol = await ctx.findProtocol(parsed.data.protocolId, parsed.data.protocolVersion);
  errors.push(...checkAgainstProtocol(parsed.data, protocol));
  return errors.length > 0 ? fail(errors) : { ok: true as const, data: parsed.data };
}

function checkProtocol(id: string, data: unknown, ctx: EntityContext): EntityCheck {
  const status =
    typeof data === 'object' && data !== null ? (data as { status?: unknown }).status : undefined;
  const parsed = protocolSchemaFor(status).safeParse(data);
  if (!parsed.success) return fail(issuesToFields(parsed.error));
  const next = parsed.data;
  if (protocolKey(next.id, next.version) !== id) {
    return fail([{ path: 'id', message: `Does not match the entity id ${id}` }]);
  }
  if (findBuiltinProtocol(next.id, next.version)) {
    return fail([
      {
        path: 'version',
        message: 'The starter version never changes; edit it to make a new version',
      },
    ]);
  }
  const storedStatus = (ctx.current as { status?: unknown } | null)?.status;
  const stored = protocolSchemaFor(storedStatus).safeParse(ctx.current);
  if (ctx.current !== null && !stored.success && storedStatus !== 'draft') {
    // A stored version this server cannot read is never overwritten.
    return fail([
      { path: 'status', message: 'The stored version cannot be read, so it is kept as it is' },
    ]);
  }
  const errors = [
    ...transitionProblems(stored.success ? stored.data : null, next),
    ...(next.status === 'draft' ? [] : publishProblems(next)),
  ];
  return errors.length > 0 ? fail(errors) : { ok: true, data: next };
}

/** A record keyed by its own `id` field: the schema, then the id must match the mutation. */
function checkKeyed<T extends { id: string }>(
  schema: {
    safeParse: (
      data: unknown,
    ) =>
      { success: true; data: T } | { success: false; error: Parameters<typeof issuesToFields>[0] };
  },
  id: string,
  data: unknown,
): EntityCheck {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return fail(issuesToFields(parsed.error));
  if (parsed.data.id !== id) {
    return fail([{ path: 'id', message: 'Does not match the entity id of the mutation' }]);
  }
  return { ok: true, data: parsed.data };
}

/** A round or a visit note is pinned to a published protocol version that exists. */
async function checkPinned(
  check: EntityCheck,
  ctx: EntityContext,
  responses: (data: never) => Record<string, unknown> = () => ({}),
): Promise<EntityCheck> {
  if (!check.ok) return check;
  const data = check.data as { protocolId: string; protocolVersion: number };
  const protocol = await ctx.findProtocol(data.protocolId, data.protocolVersion);
  const errors = checkAgainstProtocol(
    { ...data, responses: responses(check.data as never) as Observation['responses'] },
    protocol,
  );
  return errors.length > 0 ? fail(errors) : check;
}

/** Validates a record's data for its entity: the schema first, then the cross-record rules. */
export async function checkEntity(
  entity: Entity,
  entityId: string,
  data: unknown,
  ctx: EntityContext,
): Promise<EntityCheck> {
  switch (entity) {
    case 'observation':
      return checkObservation(entityId, data, ctx);
    case 'protocol':
      return checkProtocol(entityId, data, ctx);
    case 'round':
      return checkPinned(checkKeyed(Round, entityId, data), ctx);
    case 'visit':
      return checkPinned(checkKeyed(Visit, entityId, data), ctx);
    case 'visit-note':
      return checkPinned(
        checkKeyed(VisitNote, entityId, data),
        ctx,
        (note: VisitNote) => note.responses,
      );
    case 'reflection':
      return checkKeyed(Reflection, entityId, data);
    case 'round-progress':
    case 'shared-note':
      return fail([
        { path: 'entity', message: 'The server derives these records; they cannot be written' },
      ]);
  }
}

/** What may not be deleted: a protocol version that was published. */
export function deleteProblems(entity: Entity, current: unknown): FieldIssue[] {
  if (entity !== 'protocol' || current === null || current === undefined) return [];
  const status = (current as { status?: unknown }).status;
  return status === 'draft'
    ? []
    : [{ path: 'status', message: 'A published protocol is archived, never deleted' }];
}
